import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NOTIFICATION_TYPES, type NotificationSettings, type NotificationType } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { NotificationsApi } from './notifications-api';

const LABELS: Record<NotificationType, string> = {
  like: 'Someone likes my artwork',
  favorite: 'Someone adds my artwork to their favourites',
  follow: 'Someone follows me',
  comment: 'Someone comments on my artwork',
  reply: 'Someone replies to my comment',
  mention: 'Someone mentions me',
  'new-artwork': 'A painter I follow publishes an artwork',
  'report-resolved': 'A report I made is resolved',
};

/** The settings page's notifications section: one switch per type, saved as it changes. */
@Component({
  selector: 'app-notification-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card section" id="notifications" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">Notifications</h2>
      <p class="muted">Tell me when…</p>
      @if (settings(); as s) {
        <ul>
          @for (type of types; track type) {
            <li>
              <label>
                <input
                  type="checkbox"
                  [checked]="s[type]"
                  (change)="save(type, $any($event.target).checked)"
                />
                {{ labels[type] }}
              </label>
            </li>
          }
        </ul>
      }
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
    </section>
  `,
  styles: `
    .section {
      display: grid;
      gap: 10px;
      padding: 20px;
    }
    h2 {
      font-size: 1.2rem;
    }
    ul {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .error {
      color: var(--danger);
    }
  `,
})
export class NotificationSettingsSection {
  private readonly api = inject(NotificationsApi);
  protected readonly types = NOTIFICATION_TYPES;
  protected readonly labels = LABELS;
  protected readonly settings = signal<NotificationSettings | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    firstValueFrom(this.api.settings()).then(
      (s) => this.settings.set(s),
      (e: unknown) => this.error.set(describeApiError(e)),
    );
  }

  protected async save(type: NotificationType, on: boolean): Promise<void> {
    try {
      this.settings.set(await firstValueFrom(this.api.saveSettings({ [type]: on })));
      this.error.set(null);
    } catch (e) {
      this.error.set(describeApiError(e));
    }
  }
}
