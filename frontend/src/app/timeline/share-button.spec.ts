import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ShareButton } from './share-button';

describe('ShareButton', () => {
  let fixture: ComponentFixture<ShareButton>;
  let host: HTMLElement;
  let writeText: jest.Mock;

  beforeEach(async () => {
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    window.history.replaceState(null, '', '/a/art-1?stage=2');
    TestBed.configureTestingModule({ imports: [ShareButton] });
    fixture = TestBed.createComponent(ShareButton);
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  async function share(): Promise<void> {
    host.querySelector<HTMLButtonElement>('button')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('copies the address as it is, stage included, and says so', async () => {
    await share();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/a/art-1?stage=2`);
    expect(host.querySelector('[role=status]')?.textContent).toBe('Link copied');
  });

  it('copies the share link of an unlisted artwork, keeping the stage', async () => {
    fixture.componentRef.setInput('path', '/s/abc123');
    await share();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/s/abc123?stage=2`);
  });
});
