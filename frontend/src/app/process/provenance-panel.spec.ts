import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Provenance } from '@gallery/contracts';

import { ProvenancePanel } from './provenance-panel';
import { recordFile, shortHash } from './provenance-record';

const SHA = 'a'.repeat(10) + '0123456789abcdef'.repeat(3) + 'ffeedd';
const RECORD: Provenance = {
  albumId: 'art-1',
  owner: { id: '7', username: 'clara', displayName: 'Clara Vasquez', avatarUrl: null },
  stages: [
    {
      id: 's1',
      position: 0,
      kind: 'sketch',
      sha256: SHA,
      bytes: 1000,
      width: 800,
      height: 600,
      capturedAt: '2026-04-30T09:15:00',
      software: 'Procreate',
      uploadedAt: '2026-05-01T10:00:00.000Z',
    },
    {
      id: 's2',
      position: 1,
      kind: 'final',
      sha256: 'b'.repeat(64),
      bytes: 2000,
      width: 800,
      height: 600,
      capturedAt: null,
      software: null,
      uploadedAt: '2026-05-02T10:00:00.000Z',
    },
  ],
  manifestSha256: 'c'.repeat(64),
  signedAt: '2026-05-02T10:00:01.000Z',
  signature: 'sig',
  keyId: '0123456789abcdef',
  publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'x', kid: '0123456789abcdef', alg: 'EdDSA', use: 'sig' },
};

describe('ProvenancePanel', () => {
  let fixture: ComponentFixture<ProvenancePanel>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ProvenancePanel],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProvenancePanel);
    fixture.componentRef.setInput('albumId', 'art-1');
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function expand(): Promise<void> {
    const details = host.querySelector('details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await settle();
  }

  it('fetches the record only when opened, and lists the stages with short hashes and dates', async () => {
    http.expectNone('/api/albums/art-1/provenance');
    await expand();
    http.expectOne('/api/albums/art-1/provenance').flush(RECORD);
    await settle();

    const items = [...host.querySelectorAll('.stages li')];
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('.what')?.textContent?.trim()).toBe('1. Sketch');
    expect(items[0].querySelector('.hash')?.textContent).toContain(shortHash(SHA));
    expect(items[0].querySelector('.hash')?.getAttribute('title')).toBe(SHA);
    expect(items[0].textContent).toContain('Uploaded 1 May 2026');
    expect(items[0].textContent).toContain('file says taken 30 Apr 2026, 09:15');
    expect(items[0].textContent).toContain('with Procreate');
    expect(items[1].textContent).not.toContain('file says taken');
    expect(host.textContent).toContain('these exact files were uploaded to this account');

    // Closing and opening again does not fetch again.
    await expand();
  });

  it('downloads the record as the JSON the api sent', async () => {
    await expand();
    http.expectOne('/api/albums/art-1/provenance').flush(RECORD);
    await settle();
    const createObjectURL = jest.fn().mockReturnValue('blob:record');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('provenance-art-1.json');
      expect(this.href).toBe('blob:record');
    });

    host.querySelector<HTMLButtonElement>('button.download')!.click();
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await readBlob(blob))).toEqual(RECORD);
    click.mockRestore();
  });

  it('says so when the record cannot be loaded, and tries again', async () => {
    await expand();
    http
      .expectOne('/api/albums/art-1/provenance')
      .flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('couldn’t load the record');
    host.querySelector<HTMLButtonElement>('[role=alert] + button')!.click();
    http.expectOne('/api/albums/art-1/provenance').flush(RECORD);
    await settle();
    expect(host.querySelectorAll('.stages li')).toHaveLength(2);
  });

  it('shortens hashes but keeps both ends', () => {
    expect(shortHash(SHA)).toBe(`aaaaaaaaaa…ffeedd`);
    expect(recordFile(RECORD).name).toBe('provenance-art-1.json');
  });
});

/** jsdom's Blob has no text(); FileReader it is. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
