import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ReportDialog } from './report-dialog';

describe('ReportDialog', () => {
  let fixture: ComponentFixture<ReportDialog>;
  let host: HTMLElement;
  let http: HttpTestingController;
  const close = jest.fn();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReportDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: DIALOG_DATA, useValue: { target: { kind: 'album', id: 'a1' }, what: 'this artwork' } },
        { provide: DialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportDialog);
    host = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  /** The radio whose label mentions `text`. */
  function reason(text: string): HTMLInputElement {
    const label = [...host.querySelectorAll('label.reason')].find((l) => l.textContent?.includes(text));
    return label!.querySelector('input')!;
  }

  function submit(): HTMLButtonElement {
    return host.querySelector<HTMLButtonElement>('button[type=submit]')!;
  }

  it('needs a reason, sends it with the details, then says what happens next', async () => {
    expect(submit().disabled).toBe(true);
    reason('copyright').click();
    const details = host.querySelector<HTMLTextAreaElement>('textarea')!;
    details.value = ' mine from 2019 ';
    details.dispatchEvent(new Event('input'));
    await settle();
    expect(submit().disabled).toBe(false);
    submit().click();
    const req = http.expectOne('/api/reports');
    expect(req.request.body).toEqual({
      target: { kind: 'album', id: 'a1' },
      reason: 'copyright',
      details: 'mine from 2019',
    });
    req.flush({ id: 'r1' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(host.querySelector('h2')?.textContent).toContain('Thanks, we got your report');
    expect(host.querySelector('p')?.textContent).toContain('A moderator will look at this artwork');
  });

  it('says so when it was already reported (200)', async () => {
    reason('Spam').click();
    await settle();
    submit().click();
    http.expectOne('/api/reports').flush({ id: 'r1' }, { status: 200, statusText: 'OK' });
    await settle();
    expect(host.querySelector('h2')?.textContent).toContain('Already reported');
  });
});
