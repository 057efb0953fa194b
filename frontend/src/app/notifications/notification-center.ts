import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import type { Notification } from '@gallery/contracts';
import { Subject, type Subscription, firstValueFrom } from 'rxjs';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { NotificationsApi } from './notifications-api';

/**
 * My unread count, kept live for the header bell: read once on sign-in, then moved by the
 * server's `notification:count`. New and regrouped notifications are passed on for the page.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(NotificationsApi);
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);
  private subscriptions: Subscription[] = [];
  private readonly arrived = new Subject<Notification>();

  readonly unread = signal(0);
  /** Notifications as they arrive or regroup. */
  readonly incoming = this.arrived.asObservable();

  private readonly follow = effect(() => {
    const me = this.session.me();
    untracked(() => {
      for (const s of this.subscriptions) {
        s.unsubscribe();
      }
      this.subscriptions = [];
      this.unread.set(0);
      if (!me) {
        return;
      }
      this.subscriptions.push(
        this.realtime.on('notification:count').subscribe(({ unreadCount }) => this.unread.set(unreadCount)),
        this.realtime.on('notification').subscribe((n) => this.arrived.next(n)),
      );
      void this.refresh();
    });
  });

  async refresh(): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list(null, 1));
      this.unread.set(page.unreadCount);
    } catch {
      // The bell just shows no number.
    }
  }

  async markRead(ids?: string[]): Promise<void> {
    const { unreadCount } = await firstValueFrom(this.api.markRead(ids));
    this.unread.set(unreadCount);
  }
}
