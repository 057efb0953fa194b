import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BlockedUser } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { BlocksApi } from '../moderation/blocks-api';

/** Settings › Blocked painters: who I blocked, with Unblock. */
@Component({
  selector: 'app-blocks-section',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card section" aria-labelledby="blocks-title">
      <div class="section-head">
        <h2 id="blocks-title">Blocked painters</h2>
        <p>They cannot message you, add you to groups, or see your page and artworks while signed in.</p>
      </div>
      @if (error(); as message) {
        <p class="form-error" role="alert">{{ message }}</p>
      }
      @if (blocked().length === 0) {
        <p class="muted">You have not blocked anyone.</p>
      } @else {
        <ul class="blocked" aria-label="Blocked painters">
          @for (u of blocked(); track u.id) {
            <li>
              <a [routerLink]="['/u', u.username]">{{ u.displayName }} &#64;{{ u.username }}</a>
              <button type="button" class="btn" (click)="unblock(u)">Unblock</button>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styleUrl: './section.css',
  styles: `
    .blocked {
      display: grid;
      gap: 8px;
      padding: 0;
      list-style: none;
    }
    .blocked li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .muted {
      color: var(--text-muted);
    }
  `,
})
export class BlocksSection {
  private readonly api = inject(BlocksApi);
  protected readonly blocked = signal<BlockedUser[]>([]);
  protected readonly error = signal('');

  constructor() {
    void this.load();
  }

  protected async unblock(user: BlockedUser): Promise<void> {
    try {
      await this.api.unblock(user.username);
      this.blocked.update((list) => list.filter((u) => u.id !== user.id));
    } catch (err) {
      this.error.set(describeApiError(err));
    }
  }

  private async load(): Promise<void> {
    try {
      this.blocked.set(await this.api.list());
    } catch (err) {
      this.error.set(describeApiError(err));
    }
  }
}
