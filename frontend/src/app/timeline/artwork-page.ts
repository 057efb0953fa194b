import { Dialog } from '@angular/cdk/dialog';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import type { Profile } from '@gallery/contracts';
import { catchError, of, switchMap } from 'rxjs';

import { Session } from '../auth/session';
import { CommentsPanel } from '../comments/comments-panel';
import {
  type CompareSide,
  type CompareState,
  compareParams,
  readCompareState,
  startCompare,
} from '../compare/compare-state';
import { CompareView } from '../compare/compare-view';
import { ToolBar } from '../painter-tools/tool-bar';
import { ToolSettings } from '../painter-tools/tool-settings';
import { Painters } from '../painter/painters';
import { PlayProcess } from '../process/play-process';
import { ProvenancePanel } from '../process/provenance-panel';
import { FollowButton } from '../social/follow-button';
import { FollowToggle } from '../social/follow-toggle';
import { ReactionBar } from '../social/reaction-bar';
import { Avatar } from '../ui/avatar';
import { ArtworkView } from './artwork-view';
import { Filmstrip } from './filmstrip';
import { Hero } from './hero';
import type { LightboxData } from './lightbox';
import { MoreWorks } from './more-works';
import { ShareButton } from './share-button';
import { openingStageIndex, readStageParam, stageParam } from './stage-address';
import { StageNotes } from './stage-notes';
import { type EnlargeRequest, Timeline } from './timeline';
import { ReportButton } from '../moderation/report-button';

/**
 * /a/:id and /s/:code — an artwork, the work first: the final stage as large as the screen
 * allows, a filmstrip to scrub back through the stages (or compare two), the painter's tools,
 * the story below for reading, and more to see after it. Stage and comparison live in the
 * address (`?stage=3`, `?compare=1,4&mode=swipe`), so a link opens on what was seen.
 */
@Component({
  selector: 'app-artwork-page',
  imports: [
    Avatar,
    CommentsPanel,
    CompareView,
    DatePipe,
    Filmstrip,
    FollowButton,
    Hero,
    MoreWorks,
    PlayProcess,
    ProvenancePanel,
    ReactionBar,
    ReportButton,
    RouterLink,
    ShareButton,
    StageNotes,
    Timeline,
    ToolBar,
  ],
  providers: [ArtworkView, FollowToggle, ToolSettings],
  templateUrl: './artwork-page.html',
  styleUrl: './artwork-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'toolKey($event)' },
})
export class ArtworkPage {
  protected readonly view = inject(ArtworkView);
  protected readonly follow = inject(FollowToggle);
  private readonly tools = inject(ToolSettings);
  private readonly session = inject(Session);
  private readonly painters = inject(Painters);
  private readonly dialog = inject(Dialog);
  private readonly title = inject(Title);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Route parameter of /a/:id. */
  readonly id = input<string>();
  /** Route parameter of /s/:code. */
  readonly code = input<string>();
  /** Query parameter: the stage on screen, 1-based. */
  readonly stage = input<string>();
  /** Query parameters: the two stages compared, "1,4", and how. */
  readonly compare = input<string>();
  readonly mode = input<string>();

  /** The painter is looking at their own artwork. */
  protected readonly signedIn = this.session.signedIn;
  protected readonly own = computed(() => {
    const album = this.view.album();
    return album !== null && album.owner.username === this.session.username();
  });

  protected readonly stages = this.view.stages;
  /** Index of the stage in the hero: the address's, or the one the artwork opens on. */
  protected readonly current = linkedSignal(() => {
    const album = this.view.album();
    if (!album) {
      return -1;
    }
    return readStageParam(this.stage(), album.stages.length) ?? openingStageIndex(album);
  });
  protected readonly currentStage = computed(() => this.stages()[this.current()] ?? null);
  protected readonly comparing = linkedSignal(() =>
    readCompareState({ compare: this.compare(), mode: this.mode() }, this.stages().length),
  );
  protected readonly picking = signal<CompareSide>('after');
  /** What the filmstrip highlights: the hero's stage, or the side being picked. */
  protected readonly stripSelected = computed(() => {
    const compare = this.comparing();
    return compare ? compare[this.picking()] : this.current();
  });
  protected readonly marks = computed(() => {
    const compare = this.comparing();
    return compare ? { before: compare.before, after: compare.after } : null;
  });
  /** The hue of the cover's main colour, for "Similar works". */
  protected readonly coverHue = computed(() => {
    const album = this.view.album();
    if (!album) {
      return null;
    }
    const cover =
      album.stages.find((stage) => stage.id === album.coverStageId) ?? album.stages[openingStageIndex(album)];
    const main = [...(cover?.colors ?? [])].sort((a, b) => b.weight - a.weight)[0];
    return main ? Math.round(main.hue) : null;
  });

  /** The painter's profile, for Follow and the card after the story; null until known. */
  protected readonly profile = toSignal(
    toObservable(computed(() => this.view.album()?.owner.username ?? null)).pipe(
      switchMap((username) =>
        username ? this.painters.profile(username).pipe(catchError(() => of(null))) : of(null),
      ),
    ),
    { initialValue: null as Profile | null },
  );

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

  private readonly showFollow = effect(() => {
    const profile = this.profile();
    if (profile) {
      untracked(() => this.follow.show(profile));
    }
  });

  /** The filmstrip chose a stage: for the hero, or for the side of the comparison being picked. */
  protected choose(index: number): void {
    const compare = this.comparing();
    if (!compare) {
      this.showStage(index);
      return;
    }
    const side = this.picking();
    const other = side === 'before' ? 'after' : 'before';
    // Choosing the other side's stage swaps them rather than comparing a stage with itself.
    const next: CompareState =
      compare[other] === index
        ? { ...compare, [side]: index, [other]: compare[side] }
        : { ...compare, [side]: index };
    this.setCompare(next);
  }

  protected showStage(index: number): void {
    const count = this.stages().length;
    if (index < 0 || index >= count || index === this.current()) {
      return;
    }
    this.current.set(index);
    this.updateAddress({ stage: stageParam(index) });
  }

  /** Starts on the first stage against the one on screen; the filmstrip then picks the after. */
  protected startComparing(): void {
    this.picking.set('after');
    this.setCompare(startCompare(this.current(), this.stages().length));
  }

  protected setCompare(state: CompareState | null): void {
    this.comparing.set(state);
    this.updateAddress(compareParams(state));
  }

  /** G, M, S and V toggle the painter's tools, unless a dialog (with tools of its own) is open. */
  protected toolKey(event: KeyboardEvent): void {
    const target = event.target as Element | null;
    if (event.defaultPrevented || target?.closest?.('.cdk-overlay-container')) {
      return;
    }
    if (this.view.album() && this.tools.handleKey(event)) {
      event.preventDefault();
    }
  }

  protected enlargeHero(trigger: HTMLElement): void {
    const stage = this.currentStage();
    if (stage) {
      void this.enlarge({ stageId: stage.id, trigger });
    }
  }

  /** The lightbox is fetched on first use: most visits never open it. */
  protected async enlarge({ stageId, trigger }: EnlargeRequest): Promise<void> {
    const stages = this.view.readyStages();
    const index = stages.findIndex((stage) => stage.id === stageId);
    if (index < 0) {
      return;
    }
    // '.js' because the specs' type-check resolves like Node (nodenext), which wants an
    // extension on a dynamic import; the build and jest map it back to lightbox.ts.
    const { Lightbox } = await import('./lightbox.js');
    this.dialog.open<void, LightboxData>(Lightbox, {
      data: { stages, index, tools: this.tools.tools() },
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

  /** Keeps the address in step without a history entry per step, and without scrolling. */
  private updateAddress(queryParams: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
      scroll: 'manual',
    });
  }
}
