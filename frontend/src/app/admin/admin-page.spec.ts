import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReportQueueItem } from '@gallery/contracts';

import { AdminPage } from './admin-page';

const vik = { id: 'u-2', username: 'vik', displayName: 'Vik Rao', avatarUrl: null };
const fay = { id: 'u-3', username: 'fay', displayName: 'Fay', avatarUrl: null };

/** A reported comment as GET /api/admin/reports answers it. */
const reported: ReportQueueItem = {
  id: 'r1',
  target: { kind: 'comment', id: 'c1' },
  reason: 'spam',
  details: 'a link to pills',
  reporter: fay,
  status: 'open',
  resolution: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  targetPreview: {
    title: 'Harbour · Stage 2',
    body: 'cheap pills at spam.example',
    owner: vik,
    link: '/a/art-1?stage=2#comment-c1',
  },
  count: 1,
  reasons: ['spam'],
  reporters: [fay],
  lastReportedAt: '2026-12-06T10:00:00.000Z',
};

describe('AdminPage — a reported comment', () => {
  let fixture: ComponentFixture<AdminPage>;
  let host: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AdminPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdminPage);
    host = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/admin/reports').flush({ items: [reported], nextCursor: null });
    http.expectOne('/api/admin/stats').flush({}, { status: 500, statusText: 'Oops' });
    await settle();
  });

  afterEach(() => http.verify());

  const item = () => host.querySelector<HTMLElement>('li.report[data-target="comment:c1"]')!;
  const button = (text: string) =>
    [...item().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);

  it('shows the comment, its author, where it is and a link to it there', () => {
    expect(item().querySelector('.kind')?.textContent).toBe('Comment');
    expect(item().querySelector('blockquote')?.textContent).toBe('cheap pills at spam.example');
    expect(item().textContent).toContain('@vik');
    const link = [...item().querySelectorAll('a')].find((a) => a.textContent?.includes('Harbour · Stage 2'))!;
    expect(link.getAttribute('href')).toBe('/a/art-1?stage=2#comment-c1');
  });

  it('offers dismiss, remove and suspend (not hide), and removes with the note', async () => {
    expect([...item().querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual([
      'Dismiss',
      'Remove comment',
      'Suspend author',
    ]);
    const note = item().querySelector<HTMLInputElement>('input[type=text]')!;
    note.value = 'spam link';
    note.dispatchEvent(new Event('input'));
    await settle();
    button('Remove comment')!.click();
    const req = http.expectOne('/api/admin/reports/r1/resolve');
    expect(req.request.body).toEqual({ action: 'remove', note: 'spam link' });
    req.flush({ ...reported, status: 'resolved' });
    await settle();
    http.expectOne((r) => r.url === '/api/admin/reports').flush({ items: [], nextCursor: null });
    await settle();
    http.expectOne('/api/admin/stats').flush({}, { status: 500, statusText: 'Oops' });
    await settle();
    expect(host.querySelector('[role=status]')?.textContent).toContain(
      'Remove comment: done. 1 report(s) closed.',
    );
    expect(host.querySelector('li.report')).toBeNull();
  });
});
