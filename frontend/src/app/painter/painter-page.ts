import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Profile } from '@gallery/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';

import { describeApiError, hasStatus } from '../api/api-error';
import { Session } from '../auth/session';
import { BlocksApi } from '../moderation/blocks-api';
import { ReportButton } from '../moderation/report-button';
import { Confirm } from '../ui/confirm';
import { MessageButton } from '../chat/message-button';
import { FollowButton } from '../social/follow-button';
import { FollowToggle } from '../social/follow-toggle';
import { Avatar } from '../ui/avatar';
import { ArtworkGrid } from './artwork-grid';
import { Painters } from './painters';

type ProfileState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly profile: Profile }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

/** /u/:username — who the painter is, and their artworks. */
@Component({
  selector: 'app-painter-page',
  imports: [ArtworkGrid, Avatar, DatePipe, FollowButton, MessageButton, ReportButton, RouterLink],
  providers: [FollowToggle],
  templateUrl: './painter-page.html',
  styleUrl: './painter-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainterPage {
  private readonly painters = inject(Painters);
  private readonly session = inject(Session);
  protected readonly signedIn = this.session.signedIn;
  private readonly blocks = inject(BlocksApi);
  private readonly confirm = inject(Confirm);
  private readonly router = inject(Router);

  /** Blocks the painter after asking; their page is then gone for me, so go to settings' list. */
  protected async block(username: string): Promise<void> {
    const sure = await this.confirm.ask({
      title: `Block @${username}?`,
      message:
        'They will not be able to message you, add you to groups, or see your page and artworks. You can unblock them in Settings.',
      confirmLabel: 'Block',
    });
    if (!sure) return;
    await this.blocks.block(username);
    await this.router.navigateByUrl('/settings');
  }
  /** Follow / Following, and the follower count it changes. */
  protected readonly follow = inject(FollowToggle);

  /** Route parameter. */
  readonly username = input.required<string>();

  protected readonly state = toSignal(
    toObservable(this.username).pipe(
      switchMap((username) =>
        this.painters.profile(username).pipe(
          map((profile): ProfileState => ({ status: 'ready', profile })),
          catchError((error: unknown) =>
            of<ProfileState>(
              hasStatus(error, 404)
                ? { status: 'missing' }
                : { status: 'failed', message: describeApiError(error) },
            ),
          ),
          startWith<ProfileState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ProfileState },
  );

  protected readonly profile = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.profile : null;
  });

  /** The painter is looking at their own page. */
  protected readonly own = computed(() => {
    const profile = this.profile();
    return profile !== null && profile.username === this.session.username();
  });

  /** Re-runs for a new profile only, not for the follow state it reads inside. */
  private readonly showFollow = effect(() => {
    const profile = this.profile();
    if (profile) {
      untracked(() => this.follow.show(profile));
    }
  });

  protected readonly missing = computed(() => this.state().status === 'missing');

  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.message : null;
  });
}
