import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { UserSummary } from '@gallery/contracts';

import { Avatar } from '../ui/avatar';

/** Painters as a list of links to their pages: picture, name and @username. */
@Component({
  selector: 'app-painter-list',
  imports: [Avatar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul>
      @for (painter of painters(); track painter.id) {
        <li>
          <a class="painter" [routerLink]="['/u', painter.username]">
            <app-avatar [user]="painter" [size]="52" />
            <span class="text">
              <span class="name">{{ painter.displayName }}</span>
              <span class="handle">&#64;{{ painter.username }}</span>
            </span>
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .painter {
      display: flex;
      align-items: center;
      gap: 14px;
      padding: 12px 14px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      text-decoration: none;
      box-shadow: var(--shadow-sm);
      transition:
        border-color 0.15s ease,
        box-shadow 0.15s ease;
    }
    .painter:hover {
      border-color: var(--border-strong);
      box-shadow: var(--shadow-md);
      color: var(--text);
    }
    .painter:hover .name {
      color: var(--accent);
    }
    .painter:focus-visible {
      border-radius: var(--radius);
    }
    .text {
      display: grid;
      min-width: 0;
      line-height: 1.35;
    }
    .name,
    .handle {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .name {
      font-weight: 620;
    }
    .handle {
      color: var(--text-muted);
      font-size: 0.92rem;
    }
  `,
})
export class PainterList {
  readonly painters = input.required<readonly UserSummary[]>();
}
