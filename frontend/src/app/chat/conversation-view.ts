import { Dialog } from '@angular/cdk/dialog';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { Attachment } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Avatar } from '../ui/avatar';
import { Confirm } from '../ui/confirm';
import { ChatApi } from './chat-api';
import { Composer } from './composer';
import { conversationPeer, conversationTitle, fileSize } from './conversation-info';
import { Conversations } from './conversations';
import { GroupSettings, type GroupSettingsData, type GroupSettingsResult } from './group-settings';
import { ImageViewer } from './image-viewer';
import { laterId } from './merge';
import type { MessageAction } from './message-bubble';
import { groupSeenBy } from './message-state';
import { MessageThread } from './message-thread';
import { seenMessageId, threadRows } from './thread-rows';
import { ChatThreads } from './threads';
import { Typing, typingLine } from './typing';
import { ChatUploads } from './uploads';

/** /chat/:id — one conversation: its messages, who is typing, and the composer. */
@Component({
  selector: 'app-conversation-view',
  imports: [Avatar, Composer, MessageThread, RouterLink],
  templateUrl: './conversation-view.html',
  styleUrl: './conversation-view.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationView {
  private readonly conversations = inject(Conversations);
  protected readonly threads = inject(ChatThreads);
  private readonly typing = inject(Typing);
  private readonly session = inject(Session);
  private readonly realtime = inject(Realtime);
  private readonly api = inject(ChatApi);
  private readonly confirm = inject(Confirm);
  private readonly dialog = inject(Dialog);
  private readonly router = inject(Router);
  private readonly pageTitleService = inject(Title);

  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly meId = computed(() => this.session.me()?.id ?? null);
  protected readonly conversation = computed(() => this.conversations.find(this.id()));
  protected readonly title = computed(() => {
    const conversation = this.conversation();
    return conversation ? conversationTitle(conversation, this.meId()) : '';
  });
  protected readonly peer = computed(() => {
    const conversation = this.conversation();
    return conversation ? conversationPeer(conversation, this.meId()) : null;
  });
  private readonly onlineIds = computed(() => new Set(this.realtime.online().map((user) => user.id)));
  protected readonly subtitle = computed(() => {
    const conversation = this.conversation();
    if (!conversation) {
      return '';
    }
    switch (conversation.kind) {
      case 'public': {
        const online = this.onlineIds().size;
        return `Everyone on Gallery · ${online} online`;
      }
      case 'direct': {
        const peer = this.peer();
        return peer && this.onlineIds().has(peer.id) ? 'Online' : `@${peer?.username ?? ''}`;
      }
      default: {
        const count = conversation.members.length;
        return `${count} ${count === 1 ? 'member' : 'members'}`;
      }
    }
  });
  protected readonly thread = this.threads.thread;
  protected readonly rows = computed(() => {
    const thread = this.thread();
    const me = this.session.me();
    return thread && me ? threadRows(thread.messages, thread.pending, me) : [];
  });
  protected readonly typingText = computed(() => typingLine(this.typing.byConversation()[this.id()] ?? []));
  /**
   * In a direct chat, my newest message the other painter has read: from their read position in
   * the loaded conversation (so it survives a reload), moved on live by chat:read and by what
   * they write.
   */
  protected readonly seenKey = computed(() => {
    const thread = this.thread();
    const peer = this.peer();
    const meId = this.meId();
    if (!thread || !peer || !meId) {
      return null;
    }
    return seenMessageId(thread.messages, meId, peer.id, laterId(peer.lastReadId, thread.reads[peer.id]));
  });
  /** In a group: who has read my newest message. */
  protected readonly seenBy = computed(() => {
    const thread = this.thread();
    const conversation = this.conversation();
    const meId = this.meId();
    if (!thread || !meId || conversation?.kind !== 'group') {
      return null;
    }
    return groupSeenBy(thread.messages, conversation.members, meId, thread.reads);
  });
  protected readonly groupAdmin = computed(() => {
    const conversation = this.conversation();
    return (
      conversation?.kind === 'group' &&
      conversation.members.some((m) => m.id === this.meId() && m.role === 'admin')
    );
  });
  protected readonly pinnedIds = computed(() => this.conversation()?.pinned.map((p) => p.id) ?? []);
  protected readonly meUsername = computed(() => this.session.me()?.username ?? null);
  private readonly chatUploads = inject(ChatUploads);
  /** Files on their way to this conversation. */
  protected readonly uploads = computed(() =>
    this.chatUploads.all().filter((upload) => upload.conversationId === this.id()),
  );
  protected readonly fileSize = fileSize;
  /** The list has been fetched again for this id and still lacks it. */
  protected readonly missing = signal(false);
  protected readonly actionError = signal<string | null>(null);

  /** The tab names the conversation, e.g. "Ben Okafor · Chat · Gallery". */
  private readonly pageTitle = effect(() => {
    const title = this.title();
    if (title) {
      this.pageTitleService.setTitle(`${title} · Chat · Gallery`);
    }
  });

  private readonly follow = effect((onCleanup) => {
    const id = this.id();
    untracked(() => {
      this.missing.set(false);
      this.actionError.set(null);
      this.threads.open(id);
      this.conversations.setOpen(id);
    });
    onCleanup(() => {
      this.threads.close();
      this.conversations.setOpen(null);
    });
  });

  /** Not in the list (just created elsewhere, or a stale link): ask again once, then say so. */
  private readonly lookUp = effect(() => {
    const id = this.id();
    if (this.conversations.status() !== 'ready' || this.conversation()) {
      return;
    }
    untracked(() => {
      void this.conversations.refresh().then(() => {
        if (this.id() === id && !this.conversation()) {
          this.missing.set(true);
        }
      });
    });
  });

  protected setDraft(text: string): void {
    this.threads.setDraft(text);
  }

  protected announceTyping(): void {
    this.typing.announce(this.id());
  }

  protected async send(): Promise<void> {
    await this.threads.send();
  }

  protected async act(action: MessageAction): Promise<void> {
    switch (action.kind) {
      case 'jump':
        await this.threads.jumpTo(this.id(), action.messageId);
        return;
      case 'reply':
        this.threads.startReply(action.message);
        return;
      case 'edit':
        this.threads.startEdit(action.message);
        return;
      case 'react':
        await this.threads.react(action.message, action.emoji);
        return;
      case 'pin':
      case 'unpin':
        await this.threads.pin(action.message, action.kind === 'pin');
        return;
      case 'delete': {
        const sure = await this.confirm.ask({
          title: 'Delete this message?',
          message: 'It is deleted for everyone in the conversation.',
          confirmLabel: 'Delete message',
        });
        if (sure) {
          await this.threads.remove(action.message);
        }
      }
    }
  }

  protected attach(file: File): void {
    this.chatUploads.attach(this.id(), file);
  }

  protected dismissUpload(id: number): void {
    this.chatUploads.dismiss(id);
  }

  protected enlarge({ attachment, trigger }: { attachment: Attachment; trigger: HTMLElement }): void {
    this.dialog.open<void, Attachment>(ImageViewer, {
      data: attachment,
      ariaLabelledBy: 'image-viewer-caption',
      autoFocus: 'dialog',
      restoreFocus: trigger,
      width: '100vw',
      height: '100dvh',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      panelClass: 'lightbox-panel',
      backdropClass: 'lightbox-backdrop',
    });
  }

  protected manage(): void {
    const id = this.id();
    const ref = this.dialog.open<GroupSettingsResult, GroupSettingsData>(GroupSettings, {
      data: { conversationId: id },
      ariaLabelledBy: 'group-settings-title',
      backdropClass: 'gallery-backdrop',
      autoFocus: 'first-heading',
    });
    ref.closed.subscribe((result) => {
      if (result === 'left') {
        this.threads.forget(id);
        void this.router.navigate(['/chat']);
      }
    });
  }

  protected async deleteConversation(): Promise<void> {
    const id = this.id();
    const title = this.title();
    const sure = await this.confirm.ask({
      title: 'Delete this conversation?',
      message: `The history of “${title}” is deleted for you only; the others keep theirs. If someone writes again, the conversation comes back, empty.`,
      confirmLabel: 'Delete conversation',
    });
    if (!sure) {
      return;
    }
    try {
      await firstValueFrom(this.api.deleteConversation(id));
      this.conversations.remove(id);
      this.threads.forget(id);
      await this.router.navigate(['/chat']);
    } catch (error) {
      this.actionError.set(describeApiError(error));
    }
  }
}
