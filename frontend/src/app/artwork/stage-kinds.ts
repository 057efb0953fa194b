import { STAGE_KINDS, type StageKind } from '@gallery/contracts';

/** What each kind is called on screen (the api's names are shorter and American). */
export const STAGE_KIND_LABELS: Readonly<Record<StageKind, string>> = {
  sketch: 'Sketch',
  draft: 'Draft',
  color: 'Colour',
  detail: 'Details',
  final: 'Final',
  other: 'Other',
};

/** Kinds in the order a painting passes through them, with their labels, for selects. */
export const STAGE_KIND_OPTIONS: readonly { readonly value: StageKind; readonly label: string }[] =
  STAGE_KINDS.map((value) => ({ value, label: STAGE_KIND_LABELS[value] }));

export function stageKindLabel(kind: StageKind): string {
  return STAGE_KIND_LABELS[kind] ?? 'Other';
}
