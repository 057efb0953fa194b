import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';

import { NO_TOOLS, type PainterTools } from '../painter-tools/painter-tools';
import { stage } from '../testing/artworks';
import { Lightbox, type LightboxData } from './lightbox';

describe('Lightbox', () => {
  let fixture: ComponentFixture<Lightbox>;
  let host: HTMLElement;
  let keys: Subject<KeyboardEvent>;
  let close: jest.Mock;

  async function open(index: number, tools?: PainterTools): Promise<void> {
    keys = new Subject<KeyboardEvent>();
    close = jest.fn();
    const data: LightboxData = {
      stages: [
        stage('s1', 0, { kind: 'sketch', title: 'Lines' }),
        stage('s2', 1, { kind: 'color' }),
        stage('s3', 2, { kind: 'final', title: 'Done' }),
      ],
      index,
      tools,
    };
    TestBed.configureTestingModule({
      imports: [Lightbox],
      providers: [
        { provide: DIALOG_DATA, useValue: data },
        { provide: DialogRef, useValue: { keydownEvents: keys, close } },
      ],
    });
    fixture = TestBed.createComponent(Lightbox);
    host = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function press(key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    keys.next(event);
    await fixture.whenStable();
    return event;
  }

  function counter(): string {
    return host.querySelector('.count')?.textContent?.trim() ?? '';
  }

  it('starts at the stage that was clicked and steps with the arrow keys', async () => {
    await open(1);
    expect(counter()).toBe('2 / 3');
    expect(host.querySelector('.kind')?.textContent?.trim()).toBe('Colour');

    const right = await press('ArrowRight');
    expect(right.defaultPrevented).toBe(true);
    expect(counter()).toBe('3 / 3');
    expect(host.querySelector('.title')?.textContent?.trim()).toBe('Done');
    expect(host.querySelector('img')?.getAttribute('src')).toBe('/media/s3-preview.webp');

    await press('ArrowRight');
    expect(counter()).toBe('3 / 3');

    await press('ArrowLeft');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(counter()).toBe('1 / 3');
    expect(host.querySelector<HTMLButtonElement>('[aria-label="Previous stage"]')!.disabled).toBe(true);
  });

  it('moves with the on-screen buttons too', async () => {
    await open(0);
    host.querySelector<HTMLButtonElement>('[aria-label="Next stage"]')!.click();
    await fixture.whenStable();
    expect(counter()).toBe('2 / 3');
    host.querySelector<HTMLButtonElement>('[aria-label="Previous stage"]')!.click();
    await fixture.whenStable();
    expect(counter()).toBe('1 / 3');
  });

  it('zooms with + and −, and a new stage starts unzoomed', async () => {
    await open(0);
    const zoom = () => host.querySelector('.zoom-level')?.textContent?.replace(/\s/g, '');
    expect(zoom()).toBe('100%');
    await press('+');
    expect(zoom()).toBe('140%');
    expect(host.querySelector<HTMLElement>('.frame')!.style.transform).toContain('scale(1.4)');
    await press('-');
    expect(zoom()).toBe('100%');
    await press('+');
    await press('ArrowRight');
    expect(zoom()).toBe('100%');
  });

  it('leaves other keys alone (Escape is the dialog’s: it closes)', async () => {
    await open(0);
    const other = await press('a');
    expect(other.defaultPrevented).toBe(false);
    host.querySelector<HTMLButtonElement>('[aria-label="Close"]')!.click();
    expect(close).toHaveBeenCalled();
  });

  it('has the painter’s tools, starting with those of the page, toggled by their keys', async () => {
    await open(0, { ...NO_TOOLS, greyscale: true });
    const picture = () => host.querySelector<HTMLElement>('app-stage-image')!;
    expect(picture().style.filter).toBe('grayscale(1)');

    const v = await press('v');
    expect(v.defaultPrevented).toBe(true);
    expect(picture().style.filter).toMatch(/^url\("?#value-bands-\d+"?\)$/);
    expect(host.querySelector('feFuncR')?.getAttribute('tableValues')).toBe('0 0.5 1');
    await press('v');
    expect(host.querySelector('feFuncR')?.getAttribute('tableValues')).toBe('0 0.25 0.5 0.75 1');

    await press('m');
    expect(picture().style.transform).toBe('scaleX(-1)');
    expect(host.querySelector('[aria-keyshortcuts=M]')?.getAttribute('aria-pressed')).toBe('true');
  });
});
