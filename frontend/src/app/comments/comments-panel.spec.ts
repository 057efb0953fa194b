import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Comment, CommentDeleted, Me } from '@gallery/contracts';
import { Subject } from 'rxjs';

import { Session } from '../auth/session';
import { ReportFlow } from '../moderation/report-dialog';
import { Realtime } from '../realtime/realtime';
import { SignInPrompt } from '../social/sign-in-prompt';
import { album } from '../testing/artworks';
import { CommentsPanel } from './comments-panel';

const ART = album([], { id: 'art-1', commentCount: 1 });
const author = { id: 'u-2', username: 'vik', displayName: 'Vik Rao', avatarUrl: null };
const comment = (id: string, over: Partial<Comment> = {}): Comment => ({
  id,
  albumId: 'art-1',
  stageId: null,
  parentId: null,
  author,
  body: 'Nice <b>work</b> **here**',
  x: null,
  y: null,
  createdAt: new Date().toISOString(),
  editedAt: null,
  deleted: false,
  replyCount: 0,
  ...over,
});

describe('CommentsPanel', () => {
  let fixture: ComponentFixture<CommentsPanel>;
  let host: HTMLElement;
  let http: HttpTestingController;
  const live = {
    created: new Subject<Comment>(),
    updated: new Subject<Comment>(),
    deleted: new Subject<CommentDeleted>(),
  };

  async function start(signedIn: boolean, over: Partial<typeof ART> = {}): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CommentsPanel],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: Realtime,
          useValue: {
            albumEvents: (event: string) =>
              event === 'comment:created'
                ? live.created
                : event === 'comment:updated'
                  ? live.updated
                  : live.deleted,
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) {
      TestBed.inject(Session).update({ id: 'u-1', username: 'mona' } as Me);
    }
    fixture = TestBed.createComponent(CommentsPanel);
    fixture.componentRef.setInput('album', { ...ART, ...over });
    host = fixture.nativeElement;
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/albums/art-1/comments')
      .flush({ items: [comment('c1')], nextCursor: null });
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('lists comments with their markdown-lite bodies, escaped', async () => {
    await start(false);
    const item = host.querySelector('li.comment')!;
    expect(item.textContent).toContain('Vik Rao');
    expect(item.querySelector('app-markdown-lite')?.textContent).toBe('Nice <b>work</b> here');
    expect(item.querySelector('b')).toBeNull();
    expect(item.querySelector('strong')?.textContent).toBe('here');
  });

  it('shows comments arriving live, once, and takes deleted ones away', async () => {
    await start(true);
    live.created.next(comment('c2', { body: 'Live one' }));
    live.created.next(comment('c2', { body: 'Live one' }));
    await settle();
    expect([...host.querySelectorAll('li.comment')].map((li) => li.getAttribute('data-comment-id'))).toEqual([
      'c1',
      'c2',
    ]);
    expect(host.querySelector('.count')?.textContent).toBe('2');
    live.deleted.next({ id: 'c1', albumId: 'art-1', parentId: null, placeholder: true });
    live.deleted.next({ id: 'c2', albumId: 'art-1', parentId: null, placeholder: false });
    await settle();
    expect(host.querySelectorAll('li.comment')).toHaveLength(1);
    expect(host.querySelector('.deleted')?.textContent).toContain('deleted');
  });

  it('posts a comment with POST /api/albums/:id/comments', async () => {
    await start(true);
    const box = host.querySelector<HTMLTextAreaElement>('#comment-body')!;
    box.value = 'Lovely';
    box.dispatchEvent(new Event('input'));
    await settle();
    host.querySelector<HTMLButtonElement>('form.compose button[type=submit]')!.click();
    const request = http.expectOne({ method: 'POST', url: '/api/albums/art-1/comments' });
    expect(request.request.body).toEqual({ body: 'Lovely' });
    request.flush(comment('c3', { body: 'Lovely', author: { ...author, id: 'u-1' } }));
    await settle();
    expect(host.querySelectorAll('li.comment')).toHaveLength(2);
  });

  it('asks visitors to sign in, saying why', async () => {
    await start(false);
    const prompt = jest.spyOn(TestBed.inject(SignInPrompt), 'open').mockImplementation(() => undefined);
    expect(host.querySelector('textarea')).toBeNull();
    [...host.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('Sign in to comment'))!
      .click();
    expect(prompt).toHaveBeenCalledWith({ reason: 'Sign in to comment on this artwork', returnUrl: '/' });
  });

  describe('Report', () => {
    const reportButtons = () =>
      [...host.querySelectorAll<HTMLButtonElement>('button')].filter(
        (b) => b.textContent?.trim() === 'Report',
      );

    it('is a labelled button on someone else’s comment that opens the report dialog for it', async () => {
      await start(true);
      const open = jest.spyOn(TestBed.inject(ReportFlow), 'open').mockResolvedValue();
      const [button, ...more] = reportButtons();
      expect(more).toEqual([]);
      expect(button!.closest('li')?.getAttribute('data-comment-id')).toBe('c1');
      // A native button: focusable and pressed with Enter or Space; its name starts with what it says.
      expect(button!.type).toBe('button');
      expect(button!.getAttribute('aria-label')).toBe('Report comment by Vik Rao');
      button!.focus();
      expect(document.activeElement).toBe(button);
      button!.click();
      expect(open).toHaveBeenCalledWith({
        target: { kind: 'comment', id: 'c1' },
        what: 'this comment by @vik',
      });
    });

    it('is not offered on your own comments or on deleted ones', async () => {
      await start(true);
      live.created.next(comment('mine', { author: { ...author, id: 'u-1', username: 'mona' } }));
      live.deleted.next({ id: 'c1', albumId: 'art-1', parentId: null, placeholder: true });
      await settle();
      expect(host.querySelectorAll('li.comment')).toHaveLength(2);
      expect(reportButtons()).toEqual([]);
    });

    it('is not offered to visitors', async () => {
      await start(false);
      expect(reportButtons()).toEqual([]);
    });

    it('opens the real dialog titled with the comment’s author and posts a comment report', async () => {
      await start(true);
      reportButtons()[0]!.click();
      await settle();
      const dialog = document.querySelector('app-report-dialog')!;
      expect(dialog).toBeInstanceOf(HTMLElement);
      expect(dialog.querySelector('h2')?.textContent).toContain('Report this comment by @vik');
      const spam = [...dialog.querySelectorAll('label.reason')].find((l) => l.textContent?.includes('Spam'));
      spam!.querySelector('input')!.click();
      await settle();
      dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const req = http.expectOne('/api/reports');
      expect(req.request.body).toEqual({ target: { kind: 'comment', id: 'c1' }, reason: 'spam' });
      req.flush({ id: 'r1' }, { status: 201, statusText: 'Created' });
      await settle();
      expect(dialog.querySelector('h2')?.textContent).toContain('Thanks, we got your report');
      [...dialog.querySelectorAll<HTMLButtonElement>('button')]
        .find((b) => b.textContent?.includes('Done'))!
        .click();
      await settle();
      expect(document.querySelector('app-report-dialog')).toBeNull();
    });
  });

  it('gives each comment an anchor, #comment-<id>, for links to it', async () => {
    await start(false);
    expect(host.querySelector('li.comment')?.id).toBe('comment-c1');
  });

  it('shows the critique prompt, and no box when comments are off', async () => {
    await start(true, { critiqueWanted: true });
    expect(host.querySelector('[data-testid=critique-prompt]')).not.toBeNull();
    fixture.componentRef.setInput('album', { ...ART, commentsOff: true });
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/albums/art-1/comments').flush({ items: [], nextCursor: null });
    await settle();
    expect(host.querySelector('textarea')).toBeNull();
    expect(host.textContent).toContain('Comments are off');
  });
});
