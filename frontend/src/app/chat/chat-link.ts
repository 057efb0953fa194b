import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import type { Conversations } from './conversations';

/**
 * "Chat" in the header, with the number of unread messages addressed to me. The conversation
 * list (and the socket behind it) loads after the page has rendered, so it never delays it.
 */
@Component({
  selector: 'app-chat-link',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="link" routerLink="/chat" routerLinkActive="active" [attr.title]="label()">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          d="M4 6.5A2.5 2.5 0 016.5 4h11A2.5 2.5 0 0120 6.5v7a2.5 2.5 0 01-2.5 2.5H10l-4 4v-4A2.5 2.5 0 014 13.5z"
        />
      </svg>
      <span class="word" aria-hidden="true">Chat</span>
      @if (unread() > 0) {
        <span class="badge" aria-hidden="true">{{ unread() > 99 ? '99+' : unread() }}</span>
      }
      <!-- The name comes from content, not aria-label, so it never differs from the words shown. -->
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
      gap: 6px;
      min-height: 40px;
      padding: 0 12px 0 10px;
      border-radius: 999px;
      color: var(--text);
      font-weight: 560;
      text-decoration: none;
    }
    .link:hover,
    .link.active {
      background: var(--surface-2);
      color: var(--text);
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linejoin: round;
    }
    .badge {
      min-width: 20px;
      padding: 1px 6px;
      border-radius: 999px;
      background: var(--accent);
      color: var(--on-accent);
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.4;
      text-align: center;
    }
    @media (max-width: 1023px) {
      .link {
        width: 40px;
        padding: 0;
        justify-content: center;
      }
      .word {
        display: none;
      }
      .badge {
        position: absolute;
        top: 0;
        right: -4px;
        min-width: 18px;
        padding: 0 5px;
        box-shadow: 0 0 0 2px var(--bg);
      }
    }
  `,
})
export class ChatLink {
  private readonly injector = inject(Injector);
  private readonly conversations = signal<Conversations | null>(null);

  protected readonly unread = computed(() => this.conversations()?.totalUnread() ?? 0);
  protected readonly label = computed(() => {
    const unread = this.unread();
    return unread === 0 ? 'Chat' : `Chat, ${unread} unread ${unread === 1 ? 'message' : 'messages'}`;
  });

  constructor() {
    afterNextRender(() => {
      void import('./conversations').then(({ Conversations }) => {
        const conversations = this.injector.get(Conversations);
        conversations.start();
        this.conversations.set(conversations);
      });
    });
  }
}
