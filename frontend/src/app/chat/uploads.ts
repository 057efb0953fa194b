import { HttpEventType } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { LIMITS } from '@gallery/contracts';
import type { Subscription } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { ChatApi } from './chat-api';
import { fileSize } from './conversation-info';
import { Conversations } from './conversations';
import { ChatThreads } from './threads';

/** A file being sent, with how far it has got. */
export interface Upload {
  readonly id: number;
  readonly conversationId: string;
  readonly name: string;
  readonly loaded: number;
  readonly total: number;
  readonly state: 'uploading' | 'failed';
  readonly error: string | null;
}

/**
 * Files sent as messages, each with its own progress: checked against the size limit first,
 * then uploaded; the message the api answers with joins its thread. Provided by the chat page
 * next to ChatThreads.
 */
@Injectable()
export class ChatUploads {
  private readonly api = inject(ChatApi);
  private readonly threads = inject(ChatThreads);
  private readonly conversations = inject(Conversations);
  private readonly items = signal<readonly Upload[]>([]);
  private readonly running = new Map<number, Subscription>();
  private count = 0;

  /** Every file on its way or refused, oldest first. */
  readonly all = this.items.asReadonly();

  /** Sends a file to a conversation; images come back with a thumbnail. */
  attach(conversationId: string, file: File): void {
    const upload: Upload = {
      id: ++this.count,
      conversationId,
      name: file.name,
      loaded: 0,
      total: file.size,
      state: 'uploading',
      error: null,
    };
    if (file.size > LIMITS.chatAttachmentBytes) {
      const limit = fileSize(LIMITS.chatAttachmentBytes);
      this.items.update((items) => [
        ...items,
        {
          ...upload,
          state: 'failed',
          error: `${file.name} is larger than ${limit}, the most a file can be.`,
        },
      ]);
      return;
    }
    this.items.update((items) => [...items, upload]);
    const subscription = this.api.attach(conversationId, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.patch(upload.id, { loaded: event.loaded, total: event.total ?? upload.total });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.threads.receive(event.body);
          this.conversations.receive(event.body);
          this.dismiss(upload.id);
        }
      },
      error: (error: unknown) => {
        this.running.delete(upload.id);
        this.patch(upload.id, { state: 'failed', error: describeApiError(error) });
      },
      complete: () => this.running.delete(upload.id),
    });
    this.running.set(upload.id, subscription);
  }

  /** Stops a file on its way, or hides a refused one. */
  dismiss(id: number): void {
    this.running.get(id)?.unsubscribe();
    this.running.delete(id);
    this.items.update((items) => items.filter((upload) => upload.id !== id));
  }

  private patch(id: number, changes: Partial<Upload>): void {
    this.items.update((items) =>
      items.map((upload) => (upload.id === id ? { ...upload, ...changes } : upload)),
    );
  }
}
