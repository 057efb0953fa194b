import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Stage } from '@gallery/contracts';

import { stageKindLabel } from '../artwork/stage-kinds';

/**
 * What the painter wrote about the stage on screen: kind, number, date, title, note, and the
 * notes pinned to the picture, numbered as the markers on it. Announced politely when the
 * stage changes, so scrubbing by keyboard reads the new stage.
 */
@Component({
  selector: 'app-stage-notes',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-live': 'polite' },
  template: `
    @let s = stage();
    <p class="meta">
      <span class="kind">{{ kindLabel(s.kind) }}</span>
      <span>Stage {{ index() + 1 }} of {{ count() }}</span>
      <time [attr.datetime]="s.createdAt">{{ s.createdAt | date: 'd MMM y' }}</time>
    </p>
    @if (s.title) {
      <h2 class="title">{{ s.title }}</h2>
    }
    @if (s.note) {
      <p class="note">{{ s.note }}</p>
    }
    @if (s.pins.length) {
      <ol class="pins" aria-label="Notes on the picture">
        @for (pin of s.pins; track pin.id) {
          <li>{{ pin.body }}</li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      color: var(--text-muted);
      font-size: 0.88rem;
    }
    .kind {
      padding: 1px 10px;
      border-radius: 999px;
      background: var(--accent-soft);
      color: var(--accent);
      font-weight: 640;
    }
    .title {
      font-family: var(--font-display);
      font-size: 1.2rem;
      overflow-wrap: anywhere;
    }
    .note {
      line-height: 1.6;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .pins {
      display: grid;
      gap: 6px;
      margin: 0;
      padding-left: 1.6em;
    }
    .pins li::marker {
      color: var(--accent);
      font-weight: 700;
    }
  `,
})
export class StageNotes {
  readonly stage = input.required<Stage>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();

  protected readonly kindLabel = stageKindLabel;
}
