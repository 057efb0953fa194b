import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Avatar } from '../ui/avatar';
import { THREE_COLUMNS, mediaQuery } from './media';

/** Who is online now, with links to their pages. Folds away on narrower screens. */
@Component({
  selector: 'app-online-panel',
  imports: [Avatar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (wide()) {
      <h2 class="heading">
        Online <span class="count">{{ count() }}</span>
      </h2>
    } @else {
      <button
        type="button"
        class="heading toggle"
        [attr.aria-expanded]="expanded()"
        aria-controls="online-people"
        (click)="expanded.set(!expanded())"
      >
        <span class="dot" aria-hidden="true"></span>
        Online <span class="count">{{ count() }}</span>
        <svg class="chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
    }
    @if (wide() || expanded()) {
      <ul id="online-people" class="people" aria-label="Painters online">
        @for (user of people(); track user.id) {
          <li>
            <a class="person" [routerLink]="['/u', user.username]">
              <span class="face">
                <app-avatar [user]="user" [size]="32" />
                <span class="dot" aria-hidden="true"></span>
              </span>
              <span class="name">
                {{ user.displayName }}
                @if (user.id === meId()) {
                  <span class="you">(you)</span>
                }
              </span>
            </a>
          </li>
        } @empty {
          <li class="muted nobody">Connecting…</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--surface);
    }
    .heading {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 16px 16px 8px;
      font-size: 0.85rem;
      font-weight: 650;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--text-muted);
    }
    .toggle {
      width: 100%;
      padding: 10px 16px;
      border: 0;
      background: none;
      font: inherit;
      font-size: 0.85rem;
      font-weight: 650;
      cursor: pointer;
    }
    .count {
      min-width: 22px;
      padding: 0 7px;
      border-radius: 999px;
      background: var(--surface-2);
      color: var(--text);
      font-size: 0.8rem;
      letter-spacing: 0;
      text-align: center;
    }
    .chevron {
      margin-left: auto;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linecap: round;
      stroke-linejoin: round;
      transition: transform 0.15s ease;
    }
    [aria-expanded='true'] .chevron {
      transform: rotate(180deg);
    }
    .people {
      flex: 1;
      min-height: 0;
      max-height: 100%;
      margin: 0;
      padding: 0 8px 12px;
      overflow-y: auto;
      list-style: none;
    }
    .person {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 6px 8px;
      border-radius: var(--radius-sm);
      color: var(--text);
      text-decoration: none;
    }
    .person:hover {
      background: var(--surface-2);
      color: var(--text);
    }
    .face {
      position: relative;
      display: inline-grid;
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--success);
    }
    .face .dot {
      position: absolute;
      right: -1px;
      bottom: -1px;
      border: 2px solid var(--surface);
    }
    .name {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 0.95rem;
    }
    .you {
      color: var(--text-muted);
      font-size: 0.85rem;
    }
    .nobody {
      padding: 6px 8px;
      font-size: 0.9rem;
    }
    @media (max-width: 1099px) {
      .people {
        max-height: 30vh;
      }
    }
  `,
})
export class OnlinePanel {
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);

  protected readonly wide = mediaQuery(THREE_COLUMNS);
  protected readonly expanded = signal(false);
  protected readonly meId = computed(() => this.session.me()?.id ?? null);
  /** Everyone online, me first. */
  protected readonly people = computed(() => {
    const meId = this.meId();
    const online = this.realtime.online();
    return [...online.filter((user) => user.id === meId), ...online.filter((user) => user.id !== meId)];
  });
  protected readonly count = computed(() => this.realtime.online().length);
}
