import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { MessageBubble } from './message-bubble';
import type { MessageRow } from './thread-rows';
import { ANNA, BEN } from './testing';

function row(changes: Partial<MessageRow> = {}): MessageRow {
  return {
    kind: 'message',
    key: 'm-001',
    sender: BEN,
    body: 'Hello',
    attachment: null,
    createdAt: '2026-05-02T10:01:00.000Z',
    own: false,
    pending: false,
    message: null,
    editedAt: null,
    deleted: false,
    replyTo: null,
    reactions: [],
    mentions: [],
    startsRun: true,
    endsRun: true,
    ...changes,
  };
}

describe('MessageBubble', () => {
  let fixture: ComponentFixture<MessageBubble>;

  async function render(message: MessageRow, showSender = false): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(MessageBubble);
    fixture.componentRef.setInput('row', message);
    fixture.componentRef.setInput('showSender', showSender);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('shows markup as the text it is, never as HTML', async () => {
    const body = '<img src=x onerror="alert(1)"> <b>bold</b> &amp; <script>alert(2)</script>';
    const host = await render(row({ body }));
    const text = host.querySelector('.body')!;
    expect(text.textContent).toBe(body);
    expect(text.querySelector('img, b, script')).toBeNull();
  });

  it('keeps line breaks and spacing exactly', async () => {
    const body = 'First line\n  indented second\n\nafter a gap';
    const host = await render(row({ body }));
    expect(host.querySelector('.body')!.textContent).toBe(body);
  });

  it('links web addresses, and only those', async () => {
    const body = 'See https://example.com/a?b=1, www.gallery.test and javascript:alert(1).';
    const host = await render(row({ body }));
    const links = Array.from(host.querySelectorAll<HTMLAnchorElement>('.body a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'https://www.gallery.test',
    ]);
    expect(links.every((a) => a.rel.includes('noopener') && a.target === '_blank')).toBe(true);
    expect(host.querySelector('.body')!.textContent).toBe(body);
  });

  it('names the sender at the start of a run in rooms and groups, not for my own messages', async () => {
    let host = await render(row(), true);
    expect(host.querySelector('.sender')?.textContent?.trim()).toBe('Ben Okafor');
    expect(host.querySelector('.sender')?.getAttribute('href')).toBe('/u/ben');
    TestBed.resetTestingModule();
    host = await render(row({ sender: ANNA, own: true }), true);
    expect(host.querySelector('.sender')).toBeNull();
    expect(host.classList).toContain('own');
  });

  it('offers a picture to enlarge, and a file to download', async () => {
    const picture = {
      url: '/media/p.webp',
      thumbUrl: '/media/p-thumb.webp',
      name: 'harbour.webp',
      mime: 'image/webp',
      bytes: 2048,
      width: 800,
      height: 600,
    };
    let host = await render(row({ body: '', attachment: picture }));
    const enlarged: string[] = [];
    fixture.componentInstance.enlarge.subscribe(({ attachment }) => enlarged.push(attachment.name));
    const button = host.querySelector<HTMLButtonElement>('button.picture')!;
    expect(button.getAttribute('aria-label')).toBe('Enlarge picture harbour.webp');
    expect(button.querySelector('img')!.getAttribute('src')).toBe('/media/p-thumb.webp');
    button.click();
    expect(enlarged).toEqual(['harbour.webp']);
    expect(host.querySelector('.body')).toBeNull();

    TestBed.resetTestingModule();
    host = await render(
      row({
        body: '',
        attachment: { url: '/media/n.pdf', name: 'notes.pdf', mime: 'application/pdf', bytes: 3_500_000 },
      }),
    );
    const file = host.querySelector<HTMLAnchorElement>('a.file')!;
    expect(file.getAttribute('href')).toBe('/media/n.pdf');
    expect(file.getAttribute('download')).toBe('notes.pdf');
    expect(file.textContent).toContain('3.3 MB');
  });

  it('tells a message its sender deleted from one a moderator removed', async () => {
    let host = await render(row({ body: '', deleted: true, editedAt: '2026-05-02T10:02:00.000Z' }));
    expect(host.querySelector('.bubble')?.textContent?.trim()).toBe('This message was deleted');
    expect(host.textContent).not.toContain('(edited)');
    TestBed.resetTestingModule();
    host = await render(row({ body: '', removed: true }));
    expect(host.querySelector('.bubble')?.textContent?.trim()).toBe('Removed by a moderator');
    expect(host.querySelector('.actions, .reactions, app-report-button')).toBeNull();
  });

  it('collapses a blocked sender’s message until opened, then shows its reactions and (edited)', async () => {
    const reactions = [
      { emoji: '🎨' as const, count: 1, mine: false, users: [{ id: ANNA.id, displayName: 'Anna' }] },
    ];
    const host = await render(
      row({ body: 'from bob', blockedSender: true, editedAt: '2026-05-02T10:02:00.000Z', reactions }),
    );
    expect(host.textContent).toContain('Message from someone you blocked.');
    expect(host.textContent).not.toContain('from bob');
    expect(host.querySelector('.reactions')).toBeNull();
    host.querySelector<HTMLButtonElement>('button.link')!.click();
    await fixture.whenStable();
    expect(host.querySelector('.body')?.textContent).toContain('from bob');
    expect(host.querySelector('.edited')?.textContent).toBe('(edited)');
    expect(host.querySelector('.reactions')?.textContent).toContain('🎨');
  });

  it('marks a message still on its way', async () => {
    const host = await render(row({ own: true, sender: ANNA, pending: true }));
    expect(host.querySelector('.meta')?.textContent?.trim()).toBe('Sending…');
  });
});
