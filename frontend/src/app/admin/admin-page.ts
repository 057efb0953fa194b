import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, type UrlTree } from '@angular/router';
import type {
  AdminStats,
  AdminUser,
  AuditEntry,
  ReportAction,
  ReportQueueItem,
  ReportStatus,
} from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { AdminApi } from './admin-api';

type Tab = 'queue' | 'users' | 'audit';

/** Which actions make sense for a reported target. */
const ACTIONS: Record<ReportQueueItem['target']['kind'], ReportAction[]> = {
  album: ['dismiss', 'hide', 'suspend'],
  stage: ['dismiss', 'hide', 'suspend'],
  message: ['dismiss', 'remove', 'suspend'],
  user: ['dismiss', 'suspend'],
  comment: ['dismiss', 'remove', 'suspend'],
};

type TargetKind = ReportQueueItem['target']['kind'];

const KIND_LABELS: Record<TargetKind, string> = {
  album: 'Artwork',
  stage: 'Stage',
  message: 'Message',
  user: 'Painter',
  comment: 'Comment',
};

/** The button's words: what the action does to this kind of target. */
function actionLabel(action: ReportAction, kind: TargetKind): string {
  switch (action) {
    case 'dismiss':
      return 'Dismiss';
    case 'hide':
      return 'Hide artwork';
    case 'remove':
      return kind === 'comment' ? 'Remove comment' : 'Remove message';
    case 'suspend':
      return kind === 'comment' || kind === 'message' ? 'Suspend author' : 'Suspend owner';
  }
}

/** /admin — the moderation queue, accounts and the audit log (admins only). */
@Component({
  selector: 'app-admin-page',
  imports: [DatePipe, FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="head">
        <h1>Admin</h1>
        @if (stats(); as s) {
          <p class="muted stats">
            {{ s.openReports }} open reports · {{ s.users }} painters ({{ s.suspendedUsers }} suspended) ·
            {{ s.artworks }} artworks ({{ s.hiddenArtworks }} hidden) ·
            {{ s.stages.pending + s.stages.processing }} stages processing, {{ s.stages.failed }} failed ·
            {{ s.socketsOnline }} online
          </p>
        }
      </header>

      <div class="tabs" role="tablist" aria-label="Admin sections">
        @for (t of tabs; track t.id) {
          <button
            type="button"
            role="tab"
            class="tab"
            [id]="'tab-' + t.id"
            [attr.aria-selected]="tab() === t.id"
            [attr.aria-controls]="'panel-' + t.id"
            (click)="show(t.id)"
          >
            {{ t.label }}
          </button>
        }
      </div>

      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      @if (notice()) {
        <p class="notice" role="status">{{ notice() }}</p>
      }

      @switch (tab()) {
        @case ('queue') {
          <section id="panel-queue" role="tabpanel" aria-labelledby="tab-queue" class="panel">
            <div class="row">
              <label>
                Show
                <select [ngModel]="status()" (ngModelChange)="setStatus($event)" name="status">
                  <option value="open">Open reports</option>
                  <option value="resolved">Resolved</option>
                </select>
              </label>
            </div>
            @if (queue().length === 0) {
              <p class="muted">Nothing to review.</p>
            }
            <ul class="list" aria-label="Reports">
              @for (item of queue(); track item.id) {
                <li class="report" [attr.data-target]="item.target.kind + ':' + item.target.id">
                  @if (item.targetPreview.thumbUrl) {
                    <img class="thumb" [src]="item.targetPreview.thumbUrl" alt="" width="72" height="72" />
                  }
                  <div class="body">
                    <p class="title">
                      <span class="kind">{{ kindLabel(item.target.kind) }}</span>
                      @if (item.target.kind === 'comment') {
                        <span class="muted on">on</span>
                      }
                      @if (item.targetPreview.link; as link) {
                        <a [routerLink]="linkOf(link)">{{ item.targetPreview.title }}</a>
                      } @else {
                        {{ item.targetPreview.title ?? '' }}
                      }
                      @if (item.targetPreview.owner; as owner) {
                        by <a [routerLink]="['/u', owner.username]">&#64;{{ owner.username }}</a>
                      }
                    </p>
                    @if (item.targetPreview.body) {
                      <blockquote>{{ item.targetPreview.body }}</blockquote>
                    }
                    <p class="muted">
                      {{ item.count }} {{ item.count === 1 ? 'report' : 'reports' }}:
                      {{ item.reasons.join(', ') }} · from {{ reporterNames(item) }} · first
                      {{ item.createdAt | date: 'medium' }}
                    </p>
                    @if (item.details) {
                      <p class="details">“{{ item.details }}”</p>
                    }
                    @if (item.resolution; as r) {
                      <p class="muted">
                        Resolved: {{ r.action }} by &#64;{{ r.by.username }}, {{ r.at | date: 'medium' }}
                        @if (r.note) {
                          — {{ r.note }}
                        }
                      </p>
                    } @else {
                      <div class="actions">
                        <label class="note">
                          <span class="visually-hidden">Note for report {{ item.id }}</span>
                          <input
                            type="text"
                            maxlength="500"
                            placeholder="Note (shown to the owner when hiding)"
                            [ngModel]="noteOf(item.id)"
                            (ngModelChange)="setNote(item.id, $event)"
                          />
                        </label>
                        @for (action of actionsFor(item); track action) {
                          <button
                            type="button"
                            class="btn"
                            [class.btn-danger]="action !== 'dismiss'"
                            [disabled]="busy()"
                            (click)="resolve(item, action)"
                          >
                            {{ actionLabel(action, item.target.kind) }}
                          </button>
                        }
                      </div>
                    }
                  </div>
                </li>
              }
            </ul>
          </section>
        }
        @case ('users') {
          <section id="panel-users" role="tabpanel" aria-labelledby="tab-users" class="panel">
            <form class="row" (submit)="$event.preventDefault(); searchUsers()">
              <label>
                Find painters
                <input type="search" name="q" [(ngModel)]="query" placeholder="username or name" />
              </label>
              <button class="btn" type="submit">Search</button>
            </form>
            <ul class="list" aria-label="Painters">
              @for (u of users(); track u.id) {
                <li class="user">
                  <div class="body">
                    <p class="title">
                      <a [routerLink]="['/u', u.username]">&#64;{{ u.username }}</a> {{ u.displayName }}
                      @if (u.role === 'admin') {
                        <span class="badge">admin</span>
                      }
                      @if (u.suspended) {
                        <span class="badge danger">suspended</span>
                      }
                    </p>
                    <p class="muted">
                      {{ u.albumCount }} artworks · {{ u.reportCount }} reports · joined
                      {{ u.createdAt | date: 'mediumDate' }}
                      @if (u.suspended; as s) {
                        · suspended {{ s.at | date: 'medium' }}: {{ s.reason }}
                      }
                    </p>
                  </div>
                  <div class="actions">
                    @if (u.suspended) {
                      <button type="button" class="btn" [disabled]="busy()" (click)="lift(u)">
                        Lift suspension
                      </button>
                    } @else {
                      <label class="note">
                        <span class="visually-hidden">Reason to suspend &#64;{{ u.username }}</span>
                        <input
                          type="text"
                          maxlength="500"
                          placeholder="Reason"
                          [ngModel]="noteOf(u.id)"
                          (ngModelChange)="setNote(u.id, $event)"
                        />
                      </label>
                      <button type="button" class="btn btn-danger" [disabled]="busy()" (click)="suspend(u)">
                        Suspend
                      </button>
                    }
                  </div>
                </li>
              }
            </ul>
          </section>
        }
        @case ('audit') {
          <section id="panel-audit" role="tabpanel" aria-labelledby="tab-audit" class="panel">
            <ul class="list" aria-label="Audit log">
              @for (e of audit(); track e.id) {
                <li class="audit">
                  <span class="muted">{{ e.createdAt | date: 'medium' }}</span>
                  &#64;{{ e.actor.username }} <strong>{{ e.action }}</strong> {{ e.target.kind }}
                  {{ e.target.id }}
                  @if (e.reason) {
                    — {{ e.reason }}
                  }
                </li>
              }
            </ul>
          </section>
        }
      }
    </div>
  `,
  styles: `
    .page {
      display: grid;
      align-content: start;
      gap: 20px;
    }
    h1 {
      font-family: var(--font-display);
      font-size: clamp(1.9rem, 5vw, 2.6rem);
      font-weight: 620;
    }
    .tabs {
      display: flex;
      gap: 8px;
      border-bottom: 1px solid var(--border);
    }
    .tab {
      padding: 8px 14px;
      border: 0;
      border-bottom: 2px solid transparent;
      background: none;
      color: var(--text);
      font: inherit;
      cursor: pointer;
    }
    .tab[aria-selected='true'] {
      border-bottom-color: var(--accent, var(--text));
      font-weight: 600;
    }
    .panel,
    .list {
      display: grid;
      gap: 12px;
    }
    .list {
      list-style: none;
      padding: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 10px;
    }
    .report,
    .user,
    .audit {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      padding: 12px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
    }
    .thumb {
      width: 72px;
      height: 72px;
      object-fit: cover;
      border-radius: 6px;
    }
    .body {
      display: grid;
      flex: 1 1 280px;
      gap: 6px;
    }
    .kind,
    .badge {
      display: inline-block;
      margin-right: 6px;
      padding: 0 6px;
      border: 1px solid var(--border);
      border-radius: 999px;
      font-size: 0.8rem;
    }
    .badge.danger {
      border-color: var(--danger);
      color: var(--danger);
    }
    .on {
      margin-right: 0.3em;
    }
    blockquote {
      margin: 0;
      padding-left: 10px;
      border-left: 3px solid var(--border);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .note input {
      min-width: 220px;
    }
    .btn-danger {
      background: var(--danger);
      border-color: var(--danger);
      color: var(--surface);
    }
    .error {
      color: var(--danger);
    }
    .muted {
      color: var(--text-muted);
    }
  `,
})
export class AdminPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  /** Parsed once per link, so the anchors keep the same input between change detections. */
  private readonly links = new Map<string, UrlTree>();

  protected readonly tabs: { id: Tab; label: string }[] = [
    { id: 'queue', label: 'Reports' },
    { id: 'users', label: 'Painters' },
    { id: 'audit', label: 'Audit log' },
  ];
  protected readonly tab = signal<Tab>('queue');
  protected readonly status = signal<ReportStatus>('open');
  protected readonly queue = signal<ReportQueueItem[]>([]);
  protected readonly users = signal<AdminUser[]>([]);
  protected readonly audit = signal<AuditEntry[]>([]);
  protected readonly stats = signal<AdminStats | null>(null);
  protected readonly notes = signal<Partial<Record<string, string>>>({});
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected query = '';

  constructor() {
    void this.loadQueue();
    void this.loadStats();
  }

  protected show(tab: Tab): void {
    this.tab.set(tab);
    this.notice.set('');
    if (tab === 'queue') void this.loadQueue();
    if (tab === 'users') void this.searchUsers();
    if (tab === 'audit') void this.run(async () => this.audit.set((await this.api.audit()).items));
  }

  protected setStatus(status: ReportStatus): void {
    this.status.set(status);
    void this.loadQueue();
  }

  protected noteOf(id: string): string {
    return this.notes()[id] ?? '';
  }

  protected setNote(id: string, note: string): void {
    this.notes.update((n) => ({ ...n, [id]: note }));
  }

  protected actionsFor(item: ReportQueueItem): ReportAction[] {
    return ACTIONS[item.target.kind];
  }

  protected actionLabel(action: ReportAction, kind: TargetKind): string {
    return actionLabel(action, kind);
  }

  /** The preview's link (`/a/…?stage=2#comment-…`) as the router's tree, keeping its query and fragment. */
  protected linkOf(link: string): UrlTree {
    let tree = this.links.get(link);
    if (!tree) {
      tree = this.router.parseUrl(link);
      this.links.set(link, tree);
    }
    return tree;
  }

  protected kindLabel(kind: TargetKind): string {
    return KIND_LABELS[kind];
  }

  protected reporterNames(item: ReportQueueItem): string {
    return item.reporters.map((u) => '@' + u.username).join(', ');
  }

  protected resolve(item: ReportQueueItem, action: ReportAction): Promise<void> {
    return this.run(async () => {
      const note = this.notes()[item.id]?.trim();
      await this.api.resolve(item.id, action, note || undefined);
      this.notice.set(`${actionLabel(action, item.target.kind)}: done. ${item.count} report(s) closed.`);
      await this.loadQueue();
      await this.loadStats();
    });
  }

  protected searchUsers(): Promise<void> {
    return this.run(async () => this.users.set((await this.api.users(this.query)).items));
  }

  protected suspend(user: AdminUser): Promise<void> {
    const reason = this.notes()[user.id]?.trim();
    if (!reason) {
      this.error.set('Give a reason to suspend: the painter reads it when signing in.');
      return Promise.resolve();
    }
    return this.run(async () => {
      const updated = await this.api.setSuspension(user.username, true, reason);
      this.users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
      this.notice.set(`@${user.username} is suspended; their sessions ended.`);
    });
  }

  protected lift(user: AdminUser): Promise<void> {
    return this.run(async () => {
      const updated = await this.api.setSuspension(user.username, false);
      this.users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
      this.notice.set(`@${user.username}'s suspension is lifted.`);
    });
  }

  private loadQueue(): Promise<void> {
    return this.run(async () => this.queue.set((await this.api.reports(this.status())).items));
  }

  private async loadStats(): Promise<void> {
    try {
      this.stats.set(await this.api.stats());
    } catch {
      // The numbers are a nicety; the queue says what went wrong.
    }
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await work();
    } catch (err) {
      this.error.set(describeApiError(err));
    } finally {
      this.busy.set(false);
    }
  }
}
