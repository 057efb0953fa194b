import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { ChatLink } from '../chat/chat-link';
import { NotificationBell } from '../notifications/notification-bell';
import { HeaderSearch } from '../search/header-search';
import { ThemeToggle } from '../theme/theme-toggle';
import { Avatar } from '../ui/avatar';
import { UserMenu } from './user-menu';

@Component({
  selector: 'app-site-header',
  imports: [RouterLink, HeaderSearch, ThemeToggle, UserMenu, Avatar, ChatLink, NotificationBell],
  templateUrl: './site-header.html',
  styleUrl: './site-header.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteHeader {
  protected readonly session = inject(Session);
}
