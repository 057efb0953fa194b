import { TestBed } from '@angular/core/testing';

import { MarkdownLite, parseMarkdownLite, safeHref } from './markdown-lite';

function render(text: string): HTMLElement {
  const fixture = TestBed.createComponent(MarkdownLite);
  fixture.componentRef.setInput('text', text);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('markdown-lite', () => {
  it('parses emphasis, strong and links', () => {
    expect(parseMarkdownLite('a *b* **c** [d](https://x.example/p) e')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'em', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.example/p', text: 'd' },
      { kind: 'text', text: ' e' },
    ]);
  });

  it('renders marks and http(s) links with rel="nofollow ugc noopener"', () => {
    const el = render('see **this** and https://example.com/a.');
    expect(el.querySelector('strong')?.textContent).toBe('this');
    const link = el.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(el.textContent).toBe('see this and https://example.com/a.');
  });

  it('shows <script> as text and creates no element from it', () => {
    const el = render('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(el.querySelector('script, img')).toBeNull();
    expect(el.textContent).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
  });

  it('never links javascript:, data: or relative URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative',
      'vbscript:x',
    ]) {
      const el = render(`[click](${bad})`);
      expect(el.querySelector('a')).toBeNull();
      expect(el.textContent).toBe(`[click](${bad})`);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' https://ok.example')).toBe('https://ok.example/');
  });

  it('cannot break out of an attribute with quotes ("onerror=)', () => {
    const el = render(
      'https://a.example/x"onerror="alert(1) and [y](https://b.example/"onmouseover=alert(1))',
    );
    for (const a of Array.from(el.querySelectorAll('a'))) {
      expect(a.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
      expect(a.getAttribute('href')).not.toContain('"');
    }
    expect(el.querySelector('[onerror], [onmouseover]')).toBeNull();
  });

  it('adds no whitespace of its own', () => {
    const el = render('a **b** *c* [d](https://d.example/)');
    expect(el.querySelector('strong')!.textContent).toBe('b');
    expect(el.querySelector('em')!.textContent).toBe('c');
    expect(el.textContent).toBe('a b c d');
  });

  it('keeps stars that are not marks, and text inside marks stays text', () => {
    expect(render('2 * 3 * 4').textContent).toBe('2 * 3 * 4');
    const el = render('**<b>bold</b>**');
    expect(el.querySelector('strong')?.textContent).toBe('<b>bold</b>');
    expect(el.querySelector('b')).toBeNull();
  });
});
