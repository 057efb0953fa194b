import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SearchResult } from '@gallery/contracts';

import { card, painter } from '../testing/discovery';
import { TYPEAHEAD_DEBOUNCE_MS, Typeahead } from './typeahead';

const FOUND: SearchResult = {
  users: [painter('clara', 'Clara Vasquez'), painter('claude', 'Claude Monet')],
  albums: [card('a1', 'Harbour at dawn'), card('a2', 'Clary sage')],
};

describe('Typeahead', () => {
  let typeahead: Typeahead;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [Typeahead, provideHttpClient(), provideHttpClientTesting()],
    });
    typeahead = TestBed.inject(Typeahead);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  function typeLetters(text: string): void {
    for (let i = 1; i <= text.length; i++) {
      typeahead.type(text.slice(0, i));
      jest.advanceTimersByTime(50);
    }
  }

  it('asks once typing pauses, for what was typed last', () => {
    typeLetters('cla');
    http.expectNone(() => true);
    expect(typeahead.searching()).toBe(true);

    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(FOUND);
    expect(typeahead.searching()).toBe(false);
    expect(typeahead.open()).toBe(true);
    expect(typeahead.suggestions().map((s) => s.kind)).toEqual([
      'painter',
      'painter',
      'artwork',
      'artwork',
      'all',
    ]);
  });

  it('cancels the request for an older text when the text changes', () => {
    typeahead.type('cl');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    const older = http.expectOne('/api/search?q=cl');
    typeahead.type('cla');
    expect(older.cancelled).toBe(true);
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(FOUND);
    expect(typeahead.painters()).toHaveLength(2);
  });

  it('sends no request for blank text and trims what it sends', () => {
    typeahead.type('   ');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS * 2);
    http.expectNone(() => true);
    expect(typeahead.open()).toBe(false);

    typeahead.type('  harbour ');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=harbour').flush({ users: [], albums: [] });
    expect(typeahead.nothingFound()).toBe(true);
  });

  it('answers a text it has seen before without asking again', () => {
    typeahead.type('cla');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(FOUND);
    typeahead.type('clar');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=clar').flush({ users: [FOUND.users[0]], albums: [] });

    typeahead.type('cla');
    expect(typeahead.searching()).toBe(false);
    expect(typeahead.painters()).toHaveLength(2);
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
  });

  it('walks the rows with wrap-around and forgets the highlight when the rows change', () => {
    typeahead.type('cla');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(FOUND);
    expect(typeahead.active()).toBe(-1);

    typeahead.move(1);
    expect(typeahead.activeSuggestion()).toMatchObject({ kind: 'painter', id: 'u-clara' });
    typeahead.move(1);
    typeahead.move(1);
    expect(typeahead.activeSuggestion()).toMatchObject({ kind: 'artwork', id: 'a1' });
    typeahead.move(-1);
    typeahead.move(-1);
    typeahead.move(-1);
    expect(typeahead.activeSuggestion()).toMatchObject({ kind: 'all', query: 'cla' });
    typeahead.move(1);
    expect(typeahead.active()).toBe(0);

    typeahead.type('clau');
    expect(typeahead.active()).toBe(-1);
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=clau').flush(FOUND);
  });

  it('closes without losing the text, and an arrow key opens it again', () => {
    typeahead.type('cla');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(FOUND);
    typeahead.move(1);
    typeahead.close();
    expect(typeahead.open()).toBe(false);
    expect(typeahead.active()).toBe(-1);
    expect(typeahead.query()).toBe('cla');

    typeahead.move(1);
    expect(typeahead.open()).toBe(true);
    expect(typeahead.active()).toBe(-1);
  });

  it('says why when the search fails', () => {
    typeahead.type('cla');
    jest.advanceTimersByTime(TYPEAHEAD_DEBOUNCE_MS);
    http.expectOne('/api/search?q=cla').flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(typeahead.error()).toMatch(/Can’t reach Gallery/);
    expect(typeahead.searching()).toBe(false);
  });
});
