import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ArtworkCard } from '@gallery/contracts';

import { card } from '../testing/discovery';
import type { CardSource } from './card-feed';
import { CardGrid } from './card-grid';

/** A list that is all here already. */
function source(cards: ArtworkCard[]): CardSource {
  return {
    cards: signal(cards),
    loading: signal(false),
    loaded: signal(true),
    done: signal(true),
    error: signal(null),
    empty: signal(cards.length === 0),
    more: () => undefined,
  };
}

describe('CardGrid', () => {
  let fixture: ComponentFixture<CardGrid>;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CardGrid],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(CardGrid);
    fixture.componentRef.setInput(
      'source',
      source([
        card('a', 'Harbour at dawn', { likeCount: 3, likedByMe: true }),
        card('b', 'Study of hands', { favoritedByMe: true }),
      ]),
    );
    fixture.componentRef.setInput('showPainter', true);
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  function pressed(li: Element): Record<string, string | null> {
    return Object.fromEntries(
      [...li.querySelectorAll('button')].map((b) => [
        b.getAttribute('aria-label'),
        b.getAttribute('aria-pressed'),
      ]),
    );
  }

  it('gives every card like and favourite buttons showing my marks', () => {
    const [first, second] = host.querySelectorAll('li.artwork-card');
    expect(pressed(first)).toEqual({
      'Like Harbour at dawn, 3 likes': 'true',
      'Favourite Harbour at dawn': 'false',
    });
    expect(pressed(second)).toEqual({
      'Like Study of hands, 0 likes': 'false',
      'Favourite Study of hands': 'true',
    });
  });

  it('keeps the buttons out of the links, beside the painter', () => {
    expect(host.querySelectorAll('a button')).toHaveLength(0);
    const meta = host.querySelector('li.artwork-card .meta')!;
    expect(meta.querySelector('a.painter .painter-name')?.textContent?.trim()).toBe('Clara Vasquez');
    expect(meta.querySelectorAll('button')).toHaveLength(2);
  });
});
