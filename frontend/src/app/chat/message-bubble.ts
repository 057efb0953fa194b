import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type Attachment,
  CHAT_REACTIONS,
  type ChatReaction,
  type Message,
  type ReactionCount,
} from '@gallery/contracts';

import { ReportButton } from '../moderation/report-button';
import { Avatar } from '../ui/avatar';
import { fileSize } from './conversation-info';
import { linkify } from './linkify';
import { type TextPart, mentionParts, reactionNames } from './message-state';
import type { MessageRow } from './thread-rows';

/** What a message's menu, chips and quote ask the conversation to do. */
export type MessageAction =
  | { readonly kind: 'reply' | 'edit' | 'delete' | 'pin' | 'unpin'; readonly message: Message }
  | { readonly kind: 'react'; readonly message: Message; readonly emoji: ChatReaction }
  | { readonly kind: 'jump'; readonly messageId: string };

const THUMB_WIDTH = 320;
const THUMB_HEIGHT = 280;

/**
 * One message: a bubble of plain text (web addresses as links, nothing else interpreted), a
 * picture that enlarges, or a file to download. Others' messages in rooms and groups carry
 * their name and picture at the start of a run.
 */
@Component({
  selector: 'app-message-bubble',
  imports: [Avatar, DatePipe, ReportButton, RouterLink],
  templateUrl: './message-bubble.html',
  styleUrl: './message-bubble.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.own]': 'row().own',
    '[class.pending]': 'row().pending',
    '[class.starts-run]': 'row().startsRun',
    '[class.ends-run]': 'row().endsRun',
    '[class.with-face]': 'others()',
    '[class.menu-open]': 'menuOpen()',
    '[class.focused]': 'focused()',
    '(contextmenu)': 'openMenu($event)',
    '(keydown.escape)': 'closeMenu()',
  },
})
export class MessageBubble {
  readonly row = input.required<MessageRow>();
  /** Rooms and groups name the sender; a direct chat has only one other person. */
  readonly showSender = input(false);
  readonly enlarge = output<{ readonly attachment: Attachment; readonly trigger: HTMLElement }>();
  /** In a group I admin: delete anyone's, pin. */
  readonly groupAdmin = input(false);
  readonly pinned = input(false);
  readonly meUsername = input<string | null>(null);
  /** Scrolled to and highlighted (a search hit, a quoted original). */
  readonly focused = input(false);
  readonly action = output<MessageAction>();

  private readonly actions = viewChild<ElementRef<HTMLElement>>('actions');
  protected readonly menuOpen = signal(false);
  protected readonly pickerOpen = signal(false);
  protected readonly emoji = CHAT_REACTIONS;
  protected readonly names = reactionNames;

  /** Links, then @mentions within the plain text. */
  protected readonly parts = computed<(TextPart & { href?: string })[]>(() => {
    const row = this.row();
    return linkify(row.body).flatMap<TextPart & { href?: string }>((part) =>
      part.href ? [part] : mentionParts(part.text, row.mentions, this.meUsername()),
    );
  });
  protected readonly canEdit = computed(() => {
    const row = this.row();
    return row.own && !row.deleted && !row.removed && !!row.message && !!row.body;
  });
  protected readonly canDelete = computed(() => {
    const row = this.row();
    return !row.deleted && !row.removed && !!row.message && (row.own || this.groupAdmin());
  });
  protected readonly mentionsMe = computed(() => this.parts().some((p) => p.mention?.me));
  protected readonly image = computed(() => {
    const attachment = this.row().attachment;
    return attachment?.mime.startsWith('image/') && attachment.thumbUrl ? attachment : null;
  });
  /** The thumbnail's size on screen: within 320 × 280, in the picture's proportions. */
  protected readonly pictureSize = computed(() => {
    const picture = this.image();
    if (!picture?.width || !picture.height) {
      return { width: 240, height: 180 };
    }
    const scale = Math.min(1, THUMB_WIDTH / picture.width, THUMB_HEIGHT / picture.height);
    return { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) };
  });
  protected readonly file = computed(() => {
    const attachment = this.row().attachment;
    return attachment && !this.image() ? attachment : null;
  });
  protected readonly others = computed(() => this.showSender() && !this.row().own);
  protected readonly fileSize = fileSize;
  /** A blocked sender's message, opened on request. */
  protected readonly revealed = signal(false);
  /** I blocked its sender and have not opened it: shown collapsed, without actions or reactions. */
  protected readonly collapsed = computed(() => !!this.row().blockedSender && !this.revealed());

  protected do(kind: 'reply' | 'edit' | 'delete' | 'pin' | 'unpin'): void {
    const message = this.row().message;
    if (message) {
      this.action.emit({ kind, message });
    }
    this.closeMenu();
  }

  protected react(emoji: ChatReaction): void {
    const message = this.row().message;
    if (message) {
      this.action.emit({ kind: 'react', message, emoji });
    }
    this.pickerOpen.set(false);
    this.closeMenu();
  }

  protected chipLabel(reaction: ReactionCount): string {
    return `${reaction.emoji} ${reaction.count}: ${reactionNames(reaction)}. ${reaction.mine ? 'Take back your reaction' : 'React too'}`;
  }

  protected jump(messageId: string): void {
    this.action.emit({ kind: 'jump', messageId });
  }

  /** Right-click opens the menu, as on the desktop, and focuses its first action. */
  protected openMenu(event: MouseEvent): void {
    const row = this.row();
    if (!row.message || row.deleted || row.removed || this.collapsed()) {
      return;
    }
    event.preventDefault();
    this.menuOpen.set(true);
    queueMicrotask(() => this.actions()?.nativeElement.querySelector('button')?.focus());
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
    this.pickerOpen.set(false);
  }

  protected enlargePicture(attachment: Attachment, event: Event): void {
    this.enlarge.emit({ attachment, trigger: event.currentTarget as HTMLElement });
  }
}
