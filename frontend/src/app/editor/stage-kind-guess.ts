import type { StageKind } from '@gallery/contracts';

/** The kinds a painting passes through, in order; 'other' is never guessed. */
type GuessedKind = Exclude<StageKind, 'other'>;
const ORDER: readonly GuessedKind[] = ['sketch', 'draft', 'color', 'detail', 'final'];

/**
 * Words in file names, already without accents and in lower case, and the kind each names.
 * English, French, Spanish, German and Portuguese, with their usual plurals and forms.
 */
const WORDS: Readonly<Record<string, GuessedKind>> = {
  // English
  sketch: 'sketch',
  sketches: 'sketch',
  sketching: 'sketch',
  draft: 'draft',
  drafts: 'draft',
  colour: 'color',
  colours: 'color',
  coloured: 'color',
  colouring: 'color',
  color: 'color', // also Spanish
  colors: 'color',
  colored: 'color',
  coloring: 'color',
  detail: 'detail', // also German
  details: 'detail',
  detailed: 'detail',
  detailing: 'detail',
  final: 'final', // also French, Spanish, German, Portuguese
  finale: 'final',
  // French
  esquisse: 'sketch',
  esquisses: 'sketch',
  croquis: 'sketch',
  brouillon: 'draft',
  brouillons: 'draft',
  couleur: 'color',
  couleurs: 'color',
  // Spanish
  boceto: 'sketch',
  bocetos: 'sketch',
  borrador: 'draft',
  borradores: 'draft',
  colores: 'color',
  detalle: 'detail',
  detalles: 'detail',
  // German
  skizze: 'sketch',
  skizzen: 'sketch',
  entwurf: 'draft',
  entwurfe: 'draft',
  farbe: 'color',
  farben: 'color',
  fertig: 'final',
  // Portuguese
  esboco: 'sketch',
  esbocos: 'sketch',
  rascunho: 'draft',
  rascunhos: 'draft',
  cor: 'color',
  cores: 'color',
  detalhe: 'detail',
  detalhes: 'detail',
};

/**
 * Japanese names are not split into words, so these are found anywhere in the name. Where a word
 * stands for two kinds (a rough is the sketch when it comes first, a draft after it; finishing is
 * the final picture when it comes last, detail work before), the position decides between them.
 */
const JAPANESE: readonly { readonly pattern: RegExp; readonly kinds: readonly GuessedKind[] }[] = [
  { pattern: /下書き|下描き/u, kinds: ['sketch', 'draft'] },
  // Not inside a longer katakana word (グラフ is a graph).
  { pattern: /(?<![\p{Script=Katakana}ー])ラフ(?![\p{Script=Katakana}ー])/u, kinds: ['sketch', 'draft'] },
  { pattern: /線画/u, kinds: ['draft'] },
  { pattern: /着色|彩色/u, kinds: ['color'] },
  // 未完成 is "unfinished".
  { pattern: /(?<!未)完成/u, kinds: ['final'] },
  { pattern: /仕上げ|仕上/u, kinds: ['detail', 'final'] },
];

/**
 * The kind a new stage most likely is, from its file name and its place among the artwork's
 * stages. A name that says it ("01_sketch.png", "Final-v2.jpg", "mon_esquisse.jpg", "線画.png")
 * wins, in any case and with or without accents; otherwise the first stage is the sketch, the
 * last the final picture and those between go draft → colour → detail, spread evenly.
 *
 * @param index where the stage is, from 0
 * @param count how many stages the artwork has with it
 */
export function guessStageKind(fileName: string, index: number, count: number): GuessedKind {
  const byPosition = kindByPosition(index, count);
  const name = withoutExtension(fileName).normalize('NFC');

  for (const { pattern, kinds } of JAPANESE) {
    if (pattern.test(name)) {
      return nearest(kinds, byPosition);
    }
  }
  for (const word of words(name)) {
    const kind = WORDS[word];
    if (kind) {
      return kind;
    }
  }
  return byPosition;
}

/**
 * Kinds for files added together, in the order chosen, after `before` stages already there:
 * the artwork will have `before + fileNames.length` stages.
 */
export function guessStageKinds(fileNames: readonly string[], before = 0): GuessedKind[] {
  const count = before + fileNames.length;
  return fileNames.map((name, i) => guessStageKind(name, before + i, count));
}

/** First → sketch, last → final, the ones between draft → colour → detail in even thirds. */
export function kindByPosition(index: number, count: number): GuessedKind {
  if (index <= 0 || count <= 1) {
    return 'sketch';
  }
  if (index >= count - 1) {
    return 'final';
  }
  const between = count - 2;
  // The middle of each stage's share of the range, so one stage between is colour and two are
  // draft and detail.
  const third = Math.floor(((index - 1 + 0.5) * 3) / between);
  return (['draft', 'color', 'detail'] as const)[Math.min(third, 2)];
}

/** Of several kinds, the one nearest to where the position puts the stage (earlier on a tie). */
function nearest(kinds: readonly GuessedKind[], byPosition: GuessedKind): GuessedKind {
  const target = ORDER.indexOf(byPosition);
  return kinds.reduce((best, kind) =>
    Math.abs(ORDER.indexOf(kind) - target) < Math.abs(ORDER.indexOf(best) - target) ? kind : best,
  );
}

function withoutExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The name's words, lower case and without accents: split at anything but letters (digits,
 * "_", "-", spaces, dots) and where a lower-case letter meets a capital ("mySketch").
 */
function words(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0);
}
