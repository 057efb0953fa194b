import { Dialog } from '@angular/cdk/dialog';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import type { Conversation } from '@gallery/contracts';

import { Realtime } from '../realtime/realtime';
import { ConversationList } from './conversation-list';
import { Conversations } from './conversations';
import { NewGroup } from './new-group';
import { OnlinePanel } from './online-panel';
import { ChatThreads } from './threads';
import { Typing } from './typing';
import { ChatUploads } from './uploads';

/**
 * /chat: conversations | the open one | who is online. Fills the window below the header, each
 * column scrolling on its own; phones show the list or the conversation.
 */
@Component({
  selector: 'app-chat-page',
  imports: [ConversationList, OnlinePanel, RouterOutlet],
  providers: [ChatThreads, ChatUploads, Typing],
  templateUrl: './chat-page.html',
  styleUrl: './chat-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.open]': 'conversationOpen()',
    '[style.--chat-top.px]': 'top()',
  },
})
export class ChatPage {
  private readonly conversations = inject(Conversations);
  private readonly realtime = inject(Realtime);
  private readonly dialog = inject(Dialog);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Where the page starts below the header, so the chat can fill the rest of the window. */
  protected readonly top = signal(64);
  protected readonly conversationOpen = computed(() => this.conversations.openConversationId() !== null);
  protected readonly offline = computed(
    () => this.conversations.status() === 'ready' && !this.realtime.isConnected(),
  );

  constructor() {
    this.conversations.start();
    const measure = () =>
      this.top.set(Math.max(0, Math.round(this.host.nativeElement.getBoundingClientRect().top + scrollY)));
    afterNextRender(() => {
      measure();
      addEventListener('resize', measure);
    });
    inject(DestroyRef).onDestroy(() => removeEventListener('resize', measure));
  }

  protected createGroup(): void {
    const ref = this.dialog.open<Conversation>(NewGroup, {
      ariaLabelledBy: 'new-group-title',
      backdropClass: 'gallery-backdrop',
      autoFocus: 'first-tabbable',
    });
    ref.closed.subscribe((group) => {
      if (group) {
        this.conversations.upsert(group);
        void this.router.navigate(['/chat', group.id]);
      }
    });
  }
}
