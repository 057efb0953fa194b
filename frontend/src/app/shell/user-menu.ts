import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import type { ConnectedPosition } from '@angular/cdk/overlay';
import { Router, RouterLink } from '@angular/router';
import type { Me } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Avatar } from '../ui/avatar';

/** Avatar and name in the header, opening My page / Favourites / Settings / Sign out. */
@Component({
  selector: 'app-user-menu',
  imports: [CdkMenuTrigger, CdkMenu, CdkMenuItem, RouterLink, Avatar],
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  readonly me = input.required<Me>();
  /** Below the button, right edges aligned, so it never runs off a phone screen. */
  protected readonly menuPosition: ConnectedPosition[] = [
    { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 8 },
  ];
  protected readonly signOutError = signal<string | null>(null);

  protected async signOut(): Promise<void> {
    this.signOutError.set(null);
    try {
      await this.session.signOut();
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.signOutError.set(describeApiError(error));
    }
  }
}
