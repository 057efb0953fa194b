import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { NotificationCenter } from './notification-center';

/** The bell in the header, with my unread notifications; opens /notifications. */
@Component({
  selector: 'app-notification-bell',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="link" routerLink="/notifications" routerLinkActive="active" [attr.title]="label()">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M6 10a6 6 0 0112 0c0 5 2 6.5 2 6.5H4S6 15 6 10z" />
        <path d="M10 19.5a2 2 0 004 0" />
      </svg>
      @if (unread() > 0) {
        <span class="badge" data-testid="notification-count" aria-hidden="true">{{
          unread() > 99 ? '99+' : unread()
        }}</span>
      }
      <span class="visually-hidden">{{ label() }}</span>
    </a>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .link {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      min-height: 40px;
      border-radius: 999px;
      color: var(--text);
    }
    .link:hover,
    .link.active {
      background: var(--surface-2);
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .badge {
      position: absolute;
      top: 0;
      right: -4px;
      min-width: 18px;
      padding: 0 5px;
      border-radius: 999px;
      background: var(--accent);
      color: var(--on-accent);
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.4;
      text-align: center;
      box-shadow: 0 0 0 2px var(--bg);
    }
  `,
})
export class NotificationBell {
  private readonly center = inject(NotificationCenter);
  protected readonly unread = this.center.unread;
  protected readonly label = computed(() => {
    const n = this.unread();
    return n === 0 ? 'Notifications' : `Notifications, ${n} unread`;
  });
}
