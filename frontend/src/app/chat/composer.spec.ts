import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { LIMITS } from '@gallery/contracts';

import { COUNTER_FROM, Composer } from './composer';

describe('Composer', () => {
  let fixture: ComponentFixture<Composer>;
  let field: HTMLTextAreaElement;
  let sent: number;
  let typed: string[];
  let typing: number;

  async function render(text = ''): Promise<void> {
    fixture = TestBed.createComponent(Composer);
    fixture.componentRef.setInput('text', text);
    sent = 0;
    typed = [];
    typing = 0;
    fixture.componentInstance.send.subscribe(() => sent++);
    fixture.componentInstance.textChange.subscribe((value) => typed.push(value));
    fixture.componentInstance.typing.subscribe(() => typing++);
    await fixture.whenStable();
    field = fixture.nativeElement.querySelector('textarea');
  }

  function press(key: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true, ...init });
    field.dispatchEvent(event);
    return event;
  }

  async function setText(text: string): Promise<void> {
    fixture.componentRef.setInput('text', text);
    await fixture.whenStable();
  }

  it('sends on Enter without adding a line', async () => {
    await render('Hello');
    const enter = press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(sent).toBe(1);
  });

  it('starts a new line on Shift+Enter', async () => {
    await render('Hello');
    const shiftEnter = press('Enter', { shiftKey: true });
    expect(shiftEnter.defaultPrevented).toBe(false);
    expect(sent).toBe(0);
  });

  it('leaves Enter to the input method while it is composing', async () => {
    await render('にほん');
    const composing = press('Enter', { isComposing: true });
    expect(composing.defaultPrevented).toBe(false);
    expect(sent).toBe(0);
  });

  it('sends nothing when there is only white space', async () => {
    await render('  \n ');
    press('Enter');
    expect(sent).toBe(0);
    expect(fixture.nativeElement.querySelector('button[type=submit]').disabled).toBe(true);
  });

  it('reports what is typed, and that someone is typing', async () => {
    await render();
    field.value = 'Hi';
    field.dispatchEvent(new Event('input'));
    field.value = '';
    field.dispatchEvent(new Event('input'));
    expect(typed).toEqual(['Hi', '']);
    expect(typing).toBe(1);
  });

  it('sends with the button too', async () => {
    await render('Hello');
    fixture.nativeElement.querySelector('button[type=submit]').click();
    expect(sent).toBe(1);
  });

  it('counts down near the limit and refuses to send past it', async () => {
    const max = LIMITS.chatMessage.max;
    await render('x'.repeat(max - COUNTER_FROM - 1));
    const counter = () => fixture.nativeElement.querySelector('.counter').textContent.trim();
    expect(counter()).toBe('');

    await setText('x'.repeat(max - 12));
    expect(counter()).toBe('12 characters left');

    await setText('x'.repeat(max + 3));
    expect(counter()).toBe('3 characters too many');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    press('Enter');
    expect(sent).toBe(0);
  });

  it('shows why the last message was not sent', async () => {
    await render('Eleventh');
    fixture.componentRef.setInput('error', 'Too many messages, try again in 7 seconds.');
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'Too many messages, try again in 7 seconds.',
    );
    expect(field.value).toBe('Eleventh');
  });

  it('hands over every chosen file and lets the same one be chosen again', async () => {
    await render();
    const files: File[] = [];
    fixture.componentInstance.attach.subscribe((file) => files.push(file));
    const picker: HTMLInputElement = fixture.nativeElement.querySelector('input[type=file]');
    const chosen = [new File(['a'], 'a.png'), new File(['b'], 'b.pdf')];
    Object.defineProperty(picker, 'files', { value: chosen, configurable: true });
    picker.dispatchEvent(new Event('change'));
    expect(files.map((file) => file.name)).toEqual(['a.png', 'b.pdf']);
  });
});
