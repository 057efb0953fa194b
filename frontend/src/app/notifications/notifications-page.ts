import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Notification } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Avatar } from '../ui/avatar';
import { describeNotification } from './describe';
import { NotificationCenter } from './notification-center';
import { NotificationsApi } from './notifications-api';

/** /notifications — my history, newest first; live; mark one (by opening it) or all read. */
@Component({
  selector: 'app-notifications-page',
  imports: [Avatar, DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page notifications">
      <header class="intro">
        <h1>Notifications</h1>
        <div class="tools">
          <a routerLink="/settings" fragment="notifications">Settings</a>
          <button type="button" class="btn" (click)="readAll()" [disabled]="center.unread() === 0">
            Mark all read
          </button>
        </div>
      </header>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (!loading() && items().length === 0) {
        <p class="muted">Nothing yet. Likes, comments and new followers will show up here.</p>
      }
      <ol class="list">
        @for (n of items(); track n.id) {
          <li>
            <button type="button" class="item" [class.unread]="!n.read" (click)="open(n)">
              @if (n.actors[0]; as actor) {
                <app-avatar [user]="actor" [size]="36" />
              }
              <span class="text">
                <span class="what">{{ describe(n) }}</span>
                @if (n.album; as album) {
                  <span class="title">“{{ album.title }}”</span>
                }
                <time class="muted" [attr.datetime]="n.updatedAt">{{
                  n.updatedAt | date: 'd MMM, HH:mm'
                }}</time>
              </span>
              @if (!n.read) {
                <span class="dot" aria-label="unread"></span>
              }
            </button>
          </li>
        }
      </ol>
      @if (nextCursor()) {
        <button type="button" class="btn" (click)="more()">Older</button>
      }
    </div>
  `,
  styles: `
    .notifications {
      display: grid;
      gap: 16px;
      max-width: 760px;
    }
    .intro {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 10px;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: 14px;
    }
    h1 {
      font-family: var(--font-display);
      font-size: clamp(1.9rem, 5vw, 2.4rem);
    }
    .list {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 12px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item.unread {
      background: color-mix(in srgb, var(--accent) 8%, var(--surface));
    }
    .text {
      display: grid;
      flex: 1;
      gap: 2px;
    }
    .what {
      font-weight: 600;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--accent);
    }
    .error {
      color: var(--danger);
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  protected readonly center = inject(NotificationCenter);
  protected readonly items = signal<Notification[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly describe = describeNotification;

  constructor() {
    void this.load(null);
    const live = this.center.incoming.subscribe((n) =>
      this.items.update((list) => [n, ...list.filter((x) => x.id !== n.id)]),
    );
    inject(DestroyRef).onDestroy(() => live.unsubscribe());
  }

  private async load(cursor: string | null): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list(cursor));
      this.items.update((list) => (cursor ? [...list, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
      this.center.unread.set(page.unreadCount);
    } catch (e) {
      this.error.set(describeApiError(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected more(): void {
    void this.load(this.nextCursor());
  }

  protected async readAll(): Promise<void> {
    await this.center.markRead();
    this.items.update((list) => list.map((n) => ({ ...n, read: true })));
  }

  protected async open(n: Notification): Promise<void> {
    if (!n.read) {
      this.items.update((list) => list.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
      void this.center.markRead([n.id]).catch(() => undefined);
    }
    if (n.album) {
      await this.router.navigate(['/a', n.album.id]);
    } else if (n.actors[0]) {
      await this.router.navigate(['/u', n.actors[0].username]);
    }
  }
}
