import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * The dashed box a list shows when it has nothing yet: a small drawing, a heading, a sentence
 * and what to do next, all projected. Headings and links inside keep the page's own styles.
 */
@Component({
  selector: 'app-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Not encapsulated: the heading, sentence and buttons are projected from the page, and these
  // rules are for them. Every selector starts with the element's own name, so nothing leaks.
  encapsulation: ViewEncapsulation.None,
  template: `
    <svg class="empty-art" viewBox="0 0 96 72" width="96" height="72" aria-hidden="true">
      <rect x="6" y="6" width="84" height="60" rx="6" />
      <path d="M16 56l20-22 14 14 10-9 20 17" />
      <circle cx="66" cy="24" r="6" />
    </svg>
    <ng-content />
  `,
  styles: `
    app-empty-state {
      display: grid;
      justify-items: center;
      gap: 10px;
      padding: clamp(36px, 7vw, 64px) 24px;
      border: 1.5px dashed var(--border-strong);
      border-radius: var(--radius-lg);
      text-align: center;
    }
    app-empty-state h2,
    app-empty-state h3 {
      font-size: 1.15rem;
    }
    app-empty-state p {
      max-width: 32em;
      color: var(--text-muted);
    }
    app-empty-state .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 10px;
      margin-top: 8px;
    }
    app-empty-state .empty-art {
      margin-bottom: 6px;
      fill: none;
      stroke: var(--text-muted);
      stroke-width: 2.5;
      stroke-linecap: round;
      stroke-linejoin: round;
      opacity: 0.7;
    }
  `,
})
export class EmptyState {}
