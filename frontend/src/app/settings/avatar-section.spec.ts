import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LIMITS, type Me } from '@gallery/contracts';

import { Session } from '../auth/session';
import { AvatarSection, avatarFileProblem } from './avatar-section';

describe('avatarFileProblem', () => {
  it('accepts any image within the size limit', () => {
    expect(avatarFileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(avatarFileProblem({ type: 'image/webp', size: LIMITS.avatarBytes })).toBeNull();
  });

  it('refuses files that are not images', () => {
    expect(avatarFileProblem({ type: 'application/pdf', size: 1000 })).toBe(
      'Choose an image file — JPEG, PNG or WebP.',
    );
  });

  it('refuses images over LIMITS.avatarBytes', () => {
    expect(avatarFileProblem({ type: 'image/jpeg', size: LIMITS.avatarBytes + 1 })).toBe(
      'That image is 10.0 MB; the limit is 10 MB.',
    );
  });
});

describe('AvatarSection', () => {
  const ME: Me = {
    id: '1',
    username: 'anna',
    displayName: 'Anna K',
    avatarUrl: null,
    bio: '',
    role: 'user',
    createdAt: '2026-03-01T10:00:00.000Z',
  };

  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:preview');
    URL.revokeObjectURL = jest.fn();
  });

  async function setUp() {
    TestBed.configureTestingModule({
      imports: [AvatarSection],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(Session).update(ME);
    const fixture = TestBed.createComponent(AvatarSection);
    await fixture.whenStable();
    const host: HTMLElement = fixture.nativeElement;
    const input = host.querySelector<HTMLInputElement>('#settings-avatar')!;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    return { fixture, host, choose, http: TestBed.inject(HttpTestingController) };
  }

  it('previews the chosen file before uploading it', async () => {
    const { host, choose } = await setUp();
    await choose(new File(['png'], 'me.png', { type: 'image/png' }));
    expect(host.querySelector('app-avatar img')?.getAttribute('src')).toBe('blob:preview');
    expect(host.textContent).toContain('Preview of me.png');
  });

  it('explains a 415 from the api', async () => {
    const { fixture, host, choose, http } = await setUp();
    await choose(new File(['not really'], 'me.png', { type: 'image/png' }));
    host.querySelector<HTMLButtonElement>('button.btn-primary')!.click();

    const request = http.expectOne({ method: 'PUT', url: '/api/users/me/avatar' });
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.flush(
      { statusCode: 415, error: 'Unsupported Media Type', message: 'not a supported image' },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'That file is not a supported image. Try a JPEG, PNG or WebP.',
    );
    http.verify();
  });

  it('refuses a non-image before any upload', async () => {
    const { host, choose, http } = await setUp();
    await choose(new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }));
    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'Choose an image file — JPEG, PNG or WebP.',
    );
    expect(host.querySelector<HTMLButtonElement>('button.btn-primary')!.disabled).toBe(true);
    http.verify();
  });

  it('describes the file input only by the hint and error that are on the page', async () => {
    const { host, choose } = await setUp();
    const input = host.querySelector<HTMLInputElement>('#settings-avatar')!;
    expect(input.hasAttribute('aria-describedby')).toBe(false);

    await choose(new File(['png'], 'me.png', { type: 'image/png' }));
    expect(input.getAttribute('aria-describedby')).toBe('settings-avatar-status');

    await choose(new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }));
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids).toContain('settings-avatar-error');
    for (const id of ids) {
      expect(host.querySelector(`#${id}`)).not.toBeNull();
    }
  });
});
