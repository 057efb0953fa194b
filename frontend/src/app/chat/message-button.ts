import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { ChatApi } from './chat-api';
import { Conversations } from './conversations';

/**
 * "Message" on another painter's page: opens (or creates) our direct conversation. Shows
 * nothing to visitors who are not signed in, or on my own page.
 */
@Component({
  selector: 'app-message-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[hidden]': '!shown()' },
  template: `
    @if (shown()) {
      <button type="button" class="btn" [disabled]="opening()" (click)="open()">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            d="M4 6.5A2.5 2.5 0 016.5 4h11A2.5 2.5 0 0120 6.5v7a2.5 2.5 0 01-2.5 2.5H10l-4 4v-4A2.5 2.5 0 014 13.5z"
          />
        </svg>
        Message
      </button>
      @if (problem(); as message) {
        <p class="problem" role="alert">{{ message }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      justify-self: start;
      justify-items: start;
      gap: 6px;
    }
    :host([hidden]) {
      display: none;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linejoin: round;
    }
    .problem {
      color: var(--danger);
      font-size: 0.9rem;
    }
  `,
})
export class MessageButton {
  private readonly api = inject(ChatApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly conversations = inject(Conversations);

  /** The painter to write to. */
  readonly username = input.required<string>();

  protected readonly shown = computed(() => {
    const me = this.session.username();
    return me !== null && me !== this.username();
  });
  protected readonly opening = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected async open(): Promise<void> {
    this.opening.set(true);
    this.problem.set(null);
    try {
      const conversation = await firstValueFrom(this.api.openDirect(this.username()));
      // Into the list before it opens, so the conversation shows at once.
      this.conversations.upsert(conversation);
      await this.router.navigate(['/chat', conversation.id]);
    } catch (error) {
      this.problem.set(describeApiError(error));
    } finally {
      this.opening.set(false);
    }
  }
}
