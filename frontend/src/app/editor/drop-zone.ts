import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { LIMITS } from '@gallery/contracts';

/**
 * Where new stages come in: drop image files on it, or choose them. Emits what was chosen, as
 * is; checking and batching happen in the store.
 */
@Component({
  selector: 'app-drop-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.over]': 'over()',
    '(dragenter)': 'enter($event)',
    '(dragover)': 'hover($event)',
    '(dragleave)': 'leave()',
    '(drop)': 'drop($event)',
  },
  template: `
    <svg class="art" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true">
      <rect x="5" y="9" width="38" height="30" rx="5" />
      <path d="M11 33l9-10 7 7 5-4 8 7" />
      <path class="arrow" d="M24 4v12M19 9l5-5 5 5" />
    </svg>
    <p class="lead">
      <strong>{{ empty() ? 'Add the first stages' : 'Add more stages' }}</strong>
      <span class="muted"> — drop images here, or</span>
    </p>
    <button type="button" class="btn btn-primary" (click)="picker.click()">Choose images</button>
    <p class="hint">
      JPEG, PNG, WebP, AVIF, GIF or TIFF, up to {{ limitMb }} MB each. Stages are added in the order chosen;
      you can reorder them afterwards.
    </p>
    <input
      #picker
      class="visually-hidden"
      type="file"
      multiple
      accept="image/*"
      tabindex="-1"
      aria-label="Add images"
      (change)="choose(picker)"
    />
  `,
  styles: `
    :host {
      display: grid;
      justify-items: center;
      gap: 10px;
      padding: clamp(20px, 4vw, 32px) 20px;
      border: 1.5px dashed var(--border-strong);
      border-radius: var(--radius-lg);
      background: var(--surface);
      text-align: center;
      transition:
        border-color 0.15s ease,
        background-color 0.15s ease;
    }
    :host(.over) {
      border-color: var(--accent);
      background: var(--accent-soft);
    }
    .art {
      fill: none;
      stroke: var(--text-muted);
      stroke-width: 2.2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .art .arrow {
      stroke: var(--accent);
    }
    .hint {
      max-width: 34em;
    }
  `,
})
export class DropZone {
  /** No stages yet: the wording invites the first ones. */
  readonly empty = input(false);
  readonly files = output<File[]>();

  protected readonly limitMb = Math.round(LIMITS.imageBytes / (1024 * 1024));
  protected readonly over = signal(false);
  /** dragenter/dragleave fire for every child crossed; count them to know when the pointer left. */
  private depth = 0;

  protected enter(event: DragEvent): void {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    this.depth++;
    this.over.set(true);
  }

  protected hover(event: DragEvent): void {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
  }

  protected leave(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) {
      this.over.set(false);
    }
  }

  protected drop(event: DragEvent): void {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    this.depth = 0;
    this.over.set(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) {
      this.files.emit(files);
    }
  }

  protected choose(picker: HTMLInputElement): void {
    const files = Array.from(picker.files ?? []);
    // Cleared so choosing the same files again still fires a change.
    picker.value = '';
    if (files.length > 0) {
      this.files.emit(files);
    }
  }
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
