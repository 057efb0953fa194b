import { ChangeDetectionStrategy, Component, afterNextRender, inject } from '@angular/core';
import { Router } from '@angular/router';
import { PUBLIC_ROOM_ID } from '@gallery/contracts';

import { TWO_COLUMNS, mediaQuery } from './media';

/**
 * /chat with no conversation chosen. Side by side with the list there is room for one, so the
 * public room opens; on phones the list is the page and this stays out of sight.
 */
@Component({
  selector: 'app-chat-start',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="muted">Choose a conversation.</p>`,
  styles: `
    :host {
      display: grid;
      place-items: center;
      height: 100%;
    }
  `,
})
export class ChatStart {
  private readonly router = inject(Router);
  private readonly wide = mediaQuery(TWO_COLUMNS);

  constructor() {
    afterNextRender(() => {
      if (this.wide()) {
        void this.router.navigate(['/chat', PUBLIC_ROOM_ID], { replaceUrl: true });
      }
    });
  }
}
