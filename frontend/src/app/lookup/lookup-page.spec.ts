import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LookupMatch } from '@gallery/contracts';

import { image } from '../testing/artworks';
import { matchLabel, stageLabel } from './lookup-match';
import { LookupPage } from './lookup-page';

const MATCH: LookupMatch = {
  album: {
    id: 'art-9',
    title: 'Harbour at dawn',
    owner: { id: '7', username: 'clara', displayName: 'Clara Vasquez', avatarUrl: null },
    cover: image('cover'),
    stageCount: 4,
    likeCount: 0,
    commentCount: 0,
    likedByMe: false,
    favoritedByMe: false,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
  },
  stageId: 's2',
  position: 1,
  kind: 'color',
  exact: true,
  distance: 0,
  uploadedAt: '2026-05-02T10:00:00.000Z',
};

describe('LookupPage', () => {
  let fixture: ComponentFixture<LookupPage>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LookupPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LookupPage);
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function pick(file: File): Promise<void> {
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'found.png', { type: 'image/png' });

  it('has a real, labelled file input for keyboards and screen readers', () => {
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    const label = host.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`)!;
    expect(label.textContent).toContain('Drop an image here, or choose one');
    expect(input.accept).toBe('image/*');
  });

  it('sends the picked image and lists the matches with artwork, painter, stage, closeness and date', async () => {
    await pick(png());
    const request = http.expectOne('/api/lookup');
    expect(request.request.method).toBe('POST');
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    expect(host.textContent).toContain('Looking for found.png');
    request.flush({
      matches: [MATCH, { ...MATCH, stageId: 's4', position: 3, kind: 'final', exact: false, distance: 3 }],
    });
    await settle();

    const items = [...host.querySelectorAll('.match')];
    expect(items).toHaveLength(2);
    const first = items[0];
    expect(first.querySelector('h3 a')?.textContent?.trim()).toBe('Harbour at dawn');
    expect(first.querySelector('h3 a')?.getAttribute('href')).toBe('/a/art-9?stage=2');
    expect(first.querySelector('a[href="/u/clara"]')?.textContent).toBe('Clara Vasquez');
    expect(first.querySelector('.stage')?.textContent).toBe('Stage 2 of 4 · Colour');
    expect(first.textContent).toContain('Exact match · first shown 2 May 2026');
    expect(items[1].textContent).toContain('Similar (distance 3)');
    expect(host.textContent).toContain('2 matches for found.png');
  });

  it('says clearly when nothing matches', async () => {
    await pick(png());
    http.expectOne('/api/lookup').flush({ matches: [] });
    await settle();
    expect(host.querySelector('.none h3')?.textContent).toBe('No match');
  });

  it('takes a dropped file, and refuses what is not an image without asking the api', async () => {
    const drop = new Event('drop', { cancelable: true }) as DragEvent;
    Object.defineProperty(drop, 'dataTransfer', {
      value: { files: [new File(['hi'], 'notes.txt', { type: 'text/plain' })] },
    });
    host.querySelector('label.drop')!.dispatchEvent(drop);
    await settle();
    expect(drop.defaultPrevented).toBe(true);
    http.expectNone('/api/lookup');
    expect(host.querySelector('[role=alert]')?.textContent).toContain('notes.txt isn’t an image.');
  });

  it('words the closeness and the stage', () => {
    expect(matchLabel({ exact: false, distance: 5 })).toBe('Similar (distance 5)');
    expect(stageLabel({ position: 0, kind: 'sketch' }, 0)).toBe('Stage 1 · Sketch');
  });
});
