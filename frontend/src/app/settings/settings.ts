import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { NotificationSettingsSection } from '../notifications/notification-settings';
import { AvatarSection } from './avatar-section';
import { BlocksSection } from './blocks-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { UsernameSection } from './username-section';

/** /settings — independent sections, each saving on its own. */
@Component({
  selector: 'app-settings',
  imports: [
    RouterLink,
    ProfileSection,
    AvatarSection,
    UsernameSection,
    PasswordSection,
    NotificationSettingsSection,
    BlocksSection,
  ],
  template: `
    <div class="page settings">
      <header class="intro">
        <h1>Settings</h1>
        @if (session.me(); as me) {
          <p class="muted">
            Changes show on <a [routerLink]="['/u', me.username]">your page</a> as soon as they are saved.
          </p>
        }
      </header>
      <app-profile-section />
      <app-avatar-section />
      <app-username-section />
      <app-password-section />
      <app-notification-settings />
      <app-blocks-section />
    </div>
  `,
  styles: `
    .settings {
      display: grid;
      gap: 24px;
      max-width: 760px;
    }
    .intro {
      display: grid;
      gap: 6px;
      margin-bottom: 8px;
    }
    h1 {
      font-family: var(--font-display);
      font-size: clamp(1.9rem, 5vw, 2.4rem);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Settings {
  protected readonly session = inject(Session);
}
