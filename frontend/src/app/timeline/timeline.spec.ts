import { TestBed } from '@angular/core/testing';

import { stage } from '../testing/artworks';
import { type EnlargeRequest, Timeline } from './timeline';

describe('Timeline', () => {
  async function render(stages: Parameters<typeof stage>[] = []) {
    TestBed.configureTestingModule({ imports: [Timeline] });
    const fixture = TestBed.createComponent(Timeline);
    fixture.componentRef.setInput(
      'stages',
      stages.map((args) => stage(...args)),
    );
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('shows the painter’s note as plain text, line breaks kept, markup not interpreted', async () => {
    const note = 'Blocked in the <b>shadows</b> first.\n<img src=x onerror="alert(1)">\n\nThen the sky.';
    const { host } = await render([['s1', 0, { note }]]);
    const shown = host.querySelector('.note')!;
    expect(shown.textContent).toBe(note);
    expect(shown.querySelector('b, img')).toBeNull();
    // Kept as text nodes with their line breaks (the stylesheet shows them with pre-line).
    expect(shown.childNodes).toHaveLength(1);
    expect(shown.firstChild?.nodeType).toBe(Node.TEXT_NODE);
  });

  it('numbers the stages in order with their kind, title and date', async () => {
    const { host } = await render([
      ['s1', 0, { kind: 'sketch', title: 'Charcoal lines', createdAt: '2026-03-04T10:00:00.000Z' }],
      ['s2', 1, { kind: 'color' }],
      ['s3', 2, { kind: 'detail', title: 'Rigging' }],
    ]);
    const entries = [...host.querySelectorAll('.entry')];
    expect(entries.map((e) => e.querySelector('.marker')?.textContent?.trim())).toEqual(['1', '2', '3']);
    expect(entries.map((e) => e.querySelector('.kind')?.textContent?.trim())).toEqual([
      'Sketch',
      'Colour',
      'Details',
    ]);
    expect(entries[0].querySelector('h3')?.textContent?.trim()).toBe('Charcoal lines');
    // Without a title the kind names the stage.
    expect(entries[1].querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Stage 2: Colour');
    expect(entries[0].querySelector('time')?.textContent?.trim()).toBe('4 Mar 2026');
    expect(entries[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-03-04T10:00:00.000Z');
  });

  it('reserves the picture’s shape and loads it lazily', async () => {
    const { host } = await render([
      ['s1', 0],
      ['s2', 1],
    ]);
    const [first, second] = [...host.querySelectorAll('app-stage-image')] as HTMLElement[];
    expect(first.style.aspectRatio).toBe('1200 / 900');
    expect(first.querySelector('img')?.getAttribute('loading')).toBeNull();
    expect(second.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    expect(second.querySelector('img')?.getAttribute('width')).toBe('1200');
  });

  it('says when a stage is still being prepared or failed, and offers no enlarging then', async () => {
    const { host } = await render([
      ['s1', 0, { status: 'processing', image: null }],
      ['s2', 1, { status: 'failed', image: null, error: 'corrupt file' }],
    ]);
    expect(host.querySelector('.processing')?.textContent).toContain('Still being prepared');
    expect(host.querySelector('.unavailable')?.textContent).toContain('couldn’t be processed');
    expect(host.querySelector('button.enlarge')).toBeNull();
  });

  it('asks to enlarge a stage, naming the button that asked', async () => {
    const { fixture, host } = await render([['s1', 0, { title: 'Harbour' }]]);
    const asked: EnlargeRequest[] = [];
    fixture.componentInstance.enlarge.subscribe((request) => asked.push(request));
    const button = host.querySelector<HTMLButtonElement>('button.enlarge')!;
    expect(button.getAttribute('aria-label')).toBe('Enlarge stage 1: Harbour');
    button.click();
    expect(asked).toEqual([{ stageId: 's1', trigger: button }]);
  });
});
