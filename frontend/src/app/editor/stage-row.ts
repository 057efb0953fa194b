import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDragHandle } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { LIMITS, type Stage, type StageKind } from '@gallery/contracts';

import { STAGE_KIND_OPTIONS, stageKindLabel } from '../artwork/stage-kinds';
import { StageImage } from '../artwork/stage-image';
import { isProcessing } from '../artwork/stages';
import { Confirm } from '../ui/confirm';
import { SavedMark } from '../ui/saved-mark';
import { ArtworkStore } from './artwork-store';
import { PinEditor } from './pin-editor';

/**
 * One stage in the editor: its picture (or how processing goes), kind, title and note — all saved
 * as typed — the buttons to move it, make it the cover, retry or delete it, and its picture opened
 * large for pinning notes to it.
 */
@Component({
  selector: 'app-stage-row',
  imports: [CdkDragHandle, StageImage, SavedMark, PinEditor],
  templateUrl: './stage-row.html',
  styleUrl: './stage-row.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageRow {
  private readonly store = inject(ArtworkStore);
  private readonly confirm = inject(Confirm);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  readonly stage = input.required<Stage>();
  /** Place in the list, from 0. */
  readonly index = input.required<number>();
  readonly count = input.required<number>();

  protected readonly limits = LIMITS;
  protected readonly kinds = STAGE_KIND_OPTIONS;
  protected readonly number = computed(() => this.index() + 1);
  protected readonly kindLabel = computed(() => stageKindLabel(this.stage().kind));
  protected readonly processing = computed(() => isProcessing(this.stage()));
  protected readonly isCover = computed(() => this.store.album()?.coverStageId === this.stage().id);
  protected readonly pinned = computed(() => this.isCover() && (this.store.album()?.coverPinned ?? false));
  protected readonly save = computed(() => this.store.saves()[this.stage().id] ?? null);
  /** The picture is open large below, for pinning notes to it. */
  protected readonly pinsOpen = signal(false);
  /** Field ids unique per stage, for labels. */
  protected readonly idPrefix = computed(() => `stage-${this.stage().id}`);

  protected editKind(kind: string): void {
    this.store.editStage(this.stage().id, { kind: kind as StageKind });
  }

  protected editTitle(title: string): void {
    this.store.editStage(this.stage().id, { title });
  }

  protected editNote(note: string): void {
    this.store.editStage(this.stage().id, { note });
  }

  /** Moves the stage one place; the keyboard stays on the button that did it (or its twin). */
  protected move(delta: -1 | 1): void {
    const from = this.index();
    void this.store.moveStage(from, from + delta);
    void this.announcer.announce(`Stage moved to position ${from + delta + 1} of ${this.count()}.`);
    afterNextRender(
      () => {
        const buttons = this.host.nativeElement.querySelectorAll<HTMLButtonElement>('.move');
        const [up, down] = [buttons[0], buttons[1]];
        const wanted = delta < 0 ? up : down;
        (wanted && !wanted.disabled ? wanted : delta < 0 ? down : up)?.focus();
      },
      { injector: this.injector },
    );
  }

  protected useAsCover(): void {
    void this.store.setCover(this.stage().id);
  }

  protected unpinCover(): void {
    void this.store.setCover(null);
  }

  protected retry(): void {
    void this.store.retryStage(this.stage().id);
  }

  protected async remove(): Promise<void> {
    const stage = this.stage();
    const name = stage.title.trim() ? `“${stage.title.trim()}”` : `Stage ${this.number()}`;
    const sure = await this.confirm.ask({
      title: 'Delete this stage?',
      message: `${name} and its image will be removed from the artwork. This can’t be undone.`,
      confirmLabel: 'Delete stage',
    });
    if (sure) {
      await this.store.deleteStage(stage.id);
    }
  }
}
