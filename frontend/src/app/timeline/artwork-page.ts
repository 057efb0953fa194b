import { Dialog } from '@angular/cdk/dialog';
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
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { CommentsPanel } from '../comments/comments-panel';
import { ReactionBar } from '../social/reaction-bar';
import { Avatar } from '../ui/avatar';
import { ArtworkView } from './artwork-view';
import { Lightbox, type LightboxData } from './lightbox';
import { type EnlargeRequest, Timeline } from './timeline';

/** /a/:id and /s/:code — an artwork's story: who painted it, and its stages on a timeline. */
@Component({
  selector: 'app-artwork-page',
  imports: [Avatar, CommentsPanel, DatePipe, ReactionBar, RouterLink, Timeline],
  providers: [ArtworkView],
  templateUrl: './artwork-page.html',
  styleUrl: './artwork-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArtworkPage {
  protected readonly view = inject(ArtworkView);
  private readonly session = inject(Session);
  private readonly dialog = inject(Dialog);
  private readonly title = inject(Title);

  /** Route parameter of /a/:id. */
  readonly id = input<string>();
  /** Route parameter of /s/:code. */
  readonly code = input<string>();

  /** The painter is looking at their own artwork. */
  protected readonly own = computed(() => {
    const album = this.view.album();
    return album !== null && album.owner.username === this.session.username();
  });

  private readonly load = effect(() => {
    const id = this.id();
    const code = this.code();
    const address = id ? { id } : code ? { code } : null;
    if (address) {
      untracked(() => void this.view.open(address));
    }
  });

  /** The tab shows the artwork's name once it is known. */
  private readonly pageTitle = effect(() => {
    const album = this.view.album();
    if (album) {
      this.title.setTitle(`${album.title} · Gallery`);
    }
  });

  protected enlarge({ stageId, trigger }: EnlargeRequest): void {
    const stages = this.view.readyStages();
    const index = stages.findIndex((stage) => stage.id === stageId);
    if (index < 0) {
      return;
    }
    this.dialog.open<void, LightboxData>(Lightbox, {
      data: { stages, index },
      ariaLabelledBy: 'lightbox-caption',
      autoFocus: 'dialog',
      restoreFocus: trigger,
      width: '100vw',
      height: '100dvh',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      panelClass: 'lightbox-panel',
      backdropClass: 'lightbox-backdrop',
    });
  }
}
