import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { LIMITS, type Artwork, type Comment } from '@gallery/contracts';
import type { Subscription } from 'rxjs';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { ReportFlow } from '../moderation/report-dialog';
import { Realtime } from '../realtime/realtime';
import { signInFirst } from '../social/sign-in-first';
import { Avatar } from '../ui/avatar';
import { Confirm } from '../ui/confirm';
import { CommentsApi } from './comments-api';
import { MarkdownLite } from './markdown-lite';

const EDIT_WINDOW_MS = LIMITS.commentEditMinutes * 60_000;

/**
 * The conversation under an artwork: comments (on the whole work or one stage) with one level of
 * replies, live for everyone watching; edit within the window, delete your own (the painter any);
 * the painter's switches for comments off and "critique wanted"; others' comments can be reported to
 * the moderators. Self-contained: give it the artwork.
 */
@Component({
  selector: 'app-comments-panel',
  imports: [FormsModule, RouterLink, Avatar, MarkdownLite, DatePipe, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comments-panel.html',
  styleUrl: './comments-panel.css',
})
export class CommentsPanel {
  readonly album = input.required<Artwork>();

  private readonly api = inject(CommentsApi);
  private readonly realtime = inject(Realtime);
  private readonly confirm = inject(Confirm);
  private readonly reports = inject(ReportFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  protected readonly session = inject(Session);
  private readonly signedIn = signInFirst();

  protected readonly comments = signal<Comment[]>([]);
  protected readonly replies = signal<Record<string, Comment[]>>({});
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly count = signal(0);
  protected readonly commentsOff = signal(false);
  protected readonly critiqueWanted = signal(false);
  protected readonly draft = signal('');
  protected readonly stageId = signal('');
  protected readonly replyTo = signal<string | null>(null);
  protected readonly replyDraft = signal('');
  protected readonly editing = signal<string | null>(null);
  protected readonly editDraft = signal('');
  protected readonly sending = signal(false);
  protected readonly max = LIMITS.comment.max;

  protected readonly own = computed(() => this.session.me()?.id === this.album().owner.id);
  protected readonly stageTitles = computed(
    () => new Map(this.album().stages.map((s, i) => [s.id, s.title || `Stage ${i + 1}`])),
  );

  private live: Subscription | null = null;
  private albumId: string | null = null;

  constructor() {
    effect(() => {
      const album = this.album();
      // Re-read on a new artwork (or a new session: live events need the socket).
      this.session.me();
      untracked(() => this.open(album));
    });
    inject(DestroyRef).onDestroy(() => this.live?.unsubscribe());
  }

  private open(album: Artwork): void {
    const changed = album.id !== this.albumId;
    this.albumId = album.id;
    this.commentsOff.set(album.commentsOff);
    this.critiqueWanted.set(album.critiqueWanted);
    this.count.set(album.commentCount);
    if (changed) {
      this.comments.set([]);
      this.replies.set({});
      this.loading.set(true);
    }
    this.live?.unsubscribe();
    this.live = this.realtime.albumEvents('comment:created', album.id).subscribe((c) => this.added(c));
    this.live.add(this.realtime.albumEvents('comment:updated', album.id).subscribe((c) => this.replace(c)));
    this.live.add(
      this.realtime
        .albumEvents('comment:deleted', album.id)
        .subscribe((d) => this.removed(d.id, d.parentId, d.placeholder)),
    );
    void this.load(album.id, null);
  }

  protected async load(albumId: string, cursor: string | null): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list(albumId, cursor));
      if (albumId !== this.albumId) {
        return;
      }
      this.comments.update((list) => merged(cursor ? list : [], page.items));
      this.nextCursor.set(page.nextCursor);
      this.error.set(null);
      if (!cursor) {
        this.reveal();
      }
    } catch (e) {
      this.error.set(describeApiError(e));
    } finally {
      this.loading.set(false);
    }
  }

  /**
   * Brings `#comment-…` into view once the first page rendered: the router's anchor scrolling runs
   * before the comments arrive.
   */
  private reveal(): void {
    const fragment = this.route.snapshot.fragment;
    if (!fragment?.startsWith('comment-')) {
      return;
    }
    afterNextRender(() => document.getElementById(fragment)?.scrollIntoView({ block: 'center' }), {
      injector: this.injector,
    });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor && this.albumId) {
      void this.load(this.albumId, cursor);
    }
  }

  protected askToSignIn(): void {
    this.signedIn('Sign in to comment on this artwork');
  }

  protected async send(): Promise<void> {
    const body = this.draft().trim();
    if (!body || !this.signedIn('Sign in to comment on this artwork')) {
      return;
    }
    const stageId = this.stageId() || undefined;
    await this.post({ body, stageId }, () => this.draft.set(''));
  }

  protected async sendReply(parent: Comment): Promise<void> {
    const body = this.replyDraft().trim();
    if (!body || !this.signedIn('Sign in to reply')) {
      return;
    }
    await this.post({ body, parentId: parent.id }, () => {
      this.replyDraft.set('');
      this.replyTo.set(null);
    });
  }

  private async post(
    request: { body: string; stageId?: string; parentId?: string },
    done: () => void,
  ): Promise<void> {
    this.sending.set(true);
    try {
      const comment = await firstValueFrom(this.api.create(this.album().id, request));
      this.added(comment);
      done();
      this.error.set(null);
    } catch (e) {
      this.error.set(describeApiError(e, { 403: 'Comments are off for this artwork.' }));
    } finally {
      this.sending.set(false);
    }
  }

  protected startReply(comment: Comment): void {
    if (!this.signedIn('Sign in to reply')) {
      return;
    }
    this.replyTo.set(comment.id);
    this.replyDraft.set('');
    if (!this.replies()[comment.id] && comment.replyCount > 0) {
      void this.showReplies(comment);
    }
  }

  protected async showReplies(comment: Comment): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.replies(comment.id));
      this.replies.update((all) => ({ ...all, [comment.id]: merged(all[comment.id] ?? [], page.items) }));
    } catch (e) {
      this.error.set(describeApiError(e));
    }
  }

  protected canEdit(c: Comment): boolean {
    return (
      !c.deleted &&
      c.author.id === this.session.me()?.id &&
      Date.now() - Date.parse(c.createdAt) < EDIT_WINDOW_MS
    );
  }

  protected canDelete(c: Comment): boolean {
    const me = this.session.me()?.id;
    return !c.deleted && !!me && (c.author.id === me || this.own());
  }

  /** Anyone signed in may report someone else's comment to the moderators. */
  protected canReport(c: Comment): boolean {
    const me = this.session.me()?.id;
    return !c.deleted && !!me && c.author.id !== me;
  }

  protected report(c: Comment): void {
    void this.reports.open({
      target: { kind: 'comment', id: c.id },
      what: `this comment by @${c.author.username}`,
    });
  }

  protected startEdit(c: Comment): void {
    this.editing.set(c.id);
    this.editDraft.set(c.body);
  }

  protected async saveEdit(c: Comment): Promise<void> {
    const body = this.editDraft().trim();
    if (!body) {
      return;
    }
    try {
      this.replace(await firstValueFrom(this.api.edit(c.id, body)));
      this.editing.set(null);
      this.error.set(null);
    } catch (e) {
      this.error.set(describeApiError(e, { 403: 'This comment can no longer be edited.' }));
    }
  }

  protected async remove(c: Comment): Promise<void> {
    const ok = await this.confirm.ask({
      title: 'Delete this comment?',
      message: 'It will be gone for everyone.',
      confirmLabel: 'Delete comment',
    });
    if (!ok) {
      return;
    }
    try {
      await firstValueFrom(this.api.remove(c.id));
      const placeholder = !c.parentId && c.replyCount > 0;
      this.removed(c.id, c.parentId, placeholder);
    } catch (e) {
      this.error.set(describeApiError(e));
    }
  }

  protected async toggle(setting: 'commentsOff' | 'critiqueWanted', on: boolean): Promise<void> {
    const target = setting === 'commentsOff' ? this.commentsOff : this.critiqueWanted;
    target.set(on);
    try {
      await firstValueFrom(this.api.settings(this.album().id, { [setting]: on }));
    } catch (e) {
      target.set(!on);
      this.error.set(describeApiError(e));
    }
  }

  protected stageLabel(id: string | null): string | null {
    return id ? (this.stageTitles().get(id) ?? null) : null;
  }

  private added(c: Comment): void {
    if (c.parentId) {
      const parentId = c.parentId;
      const known = this.replies()[parentId]?.some((r) => r.id === c.id);
      if (known) {
        return;
      }
      this.replies.update((all) => (all[parentId] ? { ...all, [parentId]: [...all[parentId], c] } : all));
      this.comments.update((list) =>
        list.map((p) => (p.id === parentId ? { ...p, replyCount: p.replyCount + 1 } : p)),
      );
    } else {
      if (this.comments().some((x) => x.id === c.id)) {
        return;
      }
      this.comments.update((list) => [...list, c]);
    }
    this.count.update((n) => n + 1);
  }

  private replace(c: Comment): void {
    const swap = (list: Comment[]) =>
      list.map((x) => (x.id === c.id ? { ...c, replyCount: x.replyCount } : x));
    if (c.parentId) {
      const parentId = c.parentId;
      this.replies.update((all) => (all[parentId] ? { ...all, [parentId]: swap(all[parentId]) } : all));
    } else {
      this.comments.update(swap);
    }
  }

  private removed(id: string, parentId: string | null, placeholder: boolean): void {
    const present =
      this.comments().some((c) => c.id === id && !c.deleted) ||
      Object.values(this.replies()).some((list) => list.some((r) => r.id === id));
    if (placeholder) {
      this.comments.update((list) => list.map((c) => (c.id === id ? { ...c, deleted: true, body: '' } : c)));
    } else if (parentId) {
      this.replies.update((all) =>
        all[parentId] ? { ...all, [parentId]: all[parentId].filter((r) => r.id !== id) } : all,
      );
      this.comments.update((list) =>
        list
          .map((p) => (p.id === parentId ? { ...p, replyCount: Math.max(0, p.replyCount - 1) } : p))
          // A deleted comment goes with its last reply.
          .filter((p) => !(p.id === parentId && p.deleted && p.replyCount === 0)),
      );
    } else {
      this.comments.update((list) => list.filter((c) => c.id !== id));
    }
    if (present) {
      this.count.update((n) => Math.max(0, n - 1));
    }
  }
}

/** `more` after `list`, without repeating ones already there (live events may have added them). */
function merged(list: Comment[], more: Comment[]): Comment[] {
  const seen = new Set(list.map((c) => c.id));
  return [...list, ...more.filter((c) => !seen.has(c.id))];
}
