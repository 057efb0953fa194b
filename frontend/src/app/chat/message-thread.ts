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

import { MessageBubble } from './message-bubble';
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
