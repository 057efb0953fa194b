import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Attachment } from '@gallery/contracts';

import { type MessageAction, MessageBubble } from './message-bubble';
import type { SeenBy } from './message-state';
import type { MessageRow, ThreadRow } from './thread-rows';

/** Closer to the bottom than this (px) counts as reading the newest messages. */
const NEAR_BOTTOM_PX = 80;
/** Closer to the top than this (px) loads older messages. */
const NEAR_TOP_PX = 160;

/**
 * The scrolling list of messages. Opens at the newest; follows new ones while the reader is at
 * the bottom (or wrote them), otherwise offers a "New messages" button; loads older ones near
 * the top and keeps what was on screen in place when they arrive.
 */
@Component({
  selector: 'app-message-thread',
  imports: [MessageBubble],
  templateUrl: './message-thread.html',
  styleUrl: './message-thread.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageThread {
  readonly conversationId = input.required<string>();
  readonly rows = input.required<readonly ThreadRow[]>();
  readonly status = input.required<'loading' | 'ready' | 'failed'>();
  readonly loadError = input<string | null>(null);
  readonly hasOlder = input(false);
  readonly olderStatus = input<'idle' | 'loading' | 'failed'>('idle');
  /** The message under which "Seen" shows, if any. */
  readonly seenKey = input<string | null>(null);
  readonly showSenders = input(false);
  /** Groups: my newest message and who has read it ("Seen by 3"). */
  readonly seenBy = input<SeenBy | null>(null);
  readonly groupAdmin = input(false);
  readonly pinnedIds = input<readonly string[]>([]);
  readonly meUsername = input<string | null>(null);
  /** The message to scroll to and highlight; `n` changes with each jump. */
  readonly focused = input<{ readonly messageId: string; readonly n: number } | null>(null);
  /** Loaded around a message: newer ones may be missing. */
  readonly newerMissing = input(false);
  readonly showLatest = output();
  readonly action = output<MessageAction>();
  protected readonly seenNamesShown = signal(false);
  private focusedShown = 0;
  readonly loadOlder = output();
  readonly retry = output();
  readonly enlarge = output<{ readonly attachment: Attachment; readonly trigger: HTMLElement }>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  protected readonly newBelow = signal(false);
  /** Read out by screen readers: the latest message from someone else, as it arrives. */
  protected readonly announcement = signal('');
  protected readonly empty = computed(() => this.status() === 'ready' && this.rows().length === 0);

  private shown: { conversationId: string; first: string | null; last: string | null } | null = null;
  private atBottom = true;
  /** scrollHeight − scrollTop at the last scroll: unchanged when older messages go on top. */
  private fromBottom = 0;

  constructor() {
    afterRenderEffect(() => {
      const rows = this.rows();
      const conversationId = this.conversationId();
      const ready = this.status() === 'ready';
      const element = this.scroller().nativeElement;
      const messages = rows.filter((row): row is MessageRow => row.kind === 'message');
      const first = messages[0]?.key ?? null;
      const lastRow = messages.at(-1);
      const last = lastRow?.key ?? null;
      const before = this.shown;
      if (!ready) {
        this.shown = null;
        return;
      }
      if (!before || before.conversationId !== conversationId) {
        this.toBottom(element);
      } else if (first !== before.first && last === before.last) {
        element.scrollTop = element.scrollHeight - this.fromBottom;
      } else if (last !== before.last) {
        if (lastRow && !lastRow.own) {
          this.announcement.set(
            `${lastRow.sender.displayName}: ${lastRow.body || lastRow.attachment?.name || ''}`,
          );
        }
        if (this.atBottom || lastRow?.own) {
          this.toBottom(element);
        } else {
          this.newBelow.set(true);
        }
      }
      this.shown = { conversationId, first, last };
      const focused = this.focused();
      if (focused && focused.n !== this.focusedShown) {
        const target = element.querySelector(`[data-message-id="${CSS.escape(focused.messageId)}"]`);
        if (target) {
          this.focusedShown = focused.n;
          target.scrollIntoView({ block: 'center' });
          this.atBottom = false;
        }
      }
      this.fromBottom = element.scrollHeight - element.scrollTop;
      // Not enough to scroll yet: fetch more so there is something to scroll back through.
      if (element.scrollHeight <= element.clientHeight && this.hasOlder() && this.olderStatus() === 'idle') {
        this.loadOlder.emit();
      }
    });
  }

  protected scrolled(): void {
    const element = this.scroller().nativeElement;
    this.fromBottom = element.scrollHeight - element.scrollTop;
    this.atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (this.atBottom) {
      this.newBelow.set(false);
    }
    if (element.scrollTop < NEAR_TOP_PX && this.hasOlder() && this.olderStatus() === 'idle') {
      this.loadOlder.emit();
    }
  }

  protected showNewest(): void {
    this.toBottom(this.scroller().nativeElement);
  }

  private toBottom(element: HTMLElement): void {
    element.scrollTop = element.scrollHeight;
    this.atBottom = true;
    this.newBelow.set(false);
  }
}
