import { HttpErrorResponse } from '@angular/common/http';
import { Subject } from 'rxjs';

import { OptimisticToggle, type Toggled } from './optimistic-toggle';

describe('OptimisticToggle', () => {
  let answers: Subject<Toggled>[];
  let sent: boolean[];
  let toggle: OptimisticToggle;

  beforeEach(() => {
    answers = [];
    sent = [];
    toggle = new OptimisticToggle(
      (on) => {
        sent.push(on);
        const answer = new Subject<Toggled>();
        answers.push(answer);
        return answer;
      },
      (on) => (on ? 'Your like wasn’t saved.' : 'Your like is still there.'),
    );
    toggle.reset({ on: false, count: 4 });
  });

  function answer(index: number, state: Toggled): void {
    answers[index].next(state);
    answers[index].complete();
  }

  function refuse(index: number, status = 500): void {
    answers[index].error(new HttpErrorResponse({ status }));
  }

  it('changes at once and takes the server’s numbers when they come', async () => {
    const done = toggle.toggle();
    expect(toggle.on()).toBe(true);
    expect(toggle.count()).toBe(5);
    expect(toggle.pending()).toBe(true);
    expect(sent).toEqual([true]);

    answer(0, { on: true, count: 7 });
    await done;
    expect(toggle.count()).toBe(7);
    expect(toggle.pending()).toBe(false);
    expect(toggle.error()).toBeNull();
  });

  it('goes back and says why when the server refuses', async () => {
    const done = toggle.toggle();
    refuse(0);
    await done;
    expect(toggle.on()).toBe(false);
    expect(toggle.count()).toBe(4);
    expect(toggle.error()).toBe(
      'Your like wasn’t saved. Something went wrong on our side. Please try again in a moment.',
    );
  });

  it('lets quick clicks through and trusts only the latest answer', async () => {
    const first = toggle.toggle();
    const second = toggle.toggle();
    expect(toggle.on()).toBe(false);
    expect(toggle.count()).toBe(4);
    expect(sent).toEqual([true, false]);

    answer(1, { on: false, count: 4 });
    await second;
    answer(0, { on: true, count: 5 });
    await first;
    expect(toggle.on()).toBe(false);
    expect(toggle.count()).toBe(4);
  });

  it('rolls back to the latest state the server agreed to, not the one before it', async () => {
    const first = toggle.toggle();
    const second = toggle.toggle();
    answer(0, { on: true, count: 5 });
    await first;
    refuse(1, 0);
    await second;
    expect(toggle.on()).toBe(true);
    expect(toggle.count()).toBe(5);
    expect(toggle.error()).toMatch(/^Your like is still there\. Can’t reach Gallery/);
  });

  it('ignores answers about an item that is no longer shown', async () => {
    const done = toggle.toggle();
    toggle.reset({ on: false, count: 0 });
    answer(0, { on: true, count: 9 });
    await done;
    expect(toggle.count()).toBe(0);
  });

  it('takes fresher numbers only while nothing of ours is on its way', async () => {
    toggle.refresh({ on: false, count: 6 });
    expect(toggle.count()).toBe(6);
    const done = toggle.toggle();
    toggle.refresh({ on: false, count: 6 });
    expect(toggle.on()).toBe(true);
    expect(toggle.count()).toBe(7);
    answer(0, { on: true, count: 7 });
    await done;
  });

  it('counts never go below zero', async () => {
    toggle.reset({ on: true, count: 0 });
    const done = toggle.toggle();
    expect(toggle.count()).toBe(0);
    answer(0, { on: false, count: 0 });
    await done;
  });
});
