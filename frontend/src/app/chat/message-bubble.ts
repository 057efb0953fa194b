import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import { ReportButton } from '../moderation/report-button';
import { RouterLink } from '@angular/router';
import type { Attachment } from '@gallery/contracts';

import { Avatar } from '../ui/avatar';
import { fileSize } from './conversation-info';
import { linkify } from './linkify';
import type { MessageRow } from './thread-rows';

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
  },
})
export class MessageBubble {
  readonly row = input.required<MessageRow>();
  /** Rooms and groups name the sender; a direct chat has only one other person. */
  readonly showSender = input(false);
  readonly enlarge = output<{ readonly attachment: Attachment; readonly trigger: HTMLElement }>();

  protected readonly parts = computed(() => linkify(this.row().body));
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

  protected enlargePicture(attachment: Attachment, event: Event): void {
    this.enlarge.emit({ attachment, trigger: event.currentTarget as HTMLElement });
  }
}
