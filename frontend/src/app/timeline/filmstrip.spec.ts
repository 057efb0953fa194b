import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { stage } from '../testing/artworks';
import { Filmstrip } from './filmstrip';

describe('Filmstrip', () => {
  let fixture: ComponentFixture<Filmstrip>;
  let host: HTMLElement;
  let chosen: number[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Filmstrip] });
    fixture = TestBed.createComponent(Filmstrip);
    fixture.componentRef.setInput(
      'stages',
      [1, 2, 3, 4].map((n) => stage(`s${n}`, n)),
    );
    fixture.componentRef.setInput('selected', 3);
    chosen = [];
    fixture.componentInstance.choose.subscribe((index) => chosen.push(index));
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  const option = (index: number) => host.querySelector<HTMLElement>(`[role=option][data-index="${index}"]`)!;
  const press = (key: string) =>
    (document.activeElement as HTMLElement).dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true }),
    );

  it('steps once per key press, even before the chosen stage comes back as selected', () => {
    option(3).focus();
    // The page answers a choice through the address, a moment later: two quick presses move two stages.
    press('ArrowLeft');
    press('ArrowLeft');
    expect(chosen).toEqual([2, 1]);
    expect(document.activeElement).toBe(option(1));
  });

  it('stops at the ends', () => {
    option(3).focus();
    press('ArrowRight');
    press('End');
    expect(chosen).toEqual([]);
    press('Home');
    expect(chosen).toEqual([0]);
  });
});
