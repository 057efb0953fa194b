import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { Artworks } from '../artwork/artworks';
import { CardFeed } from '../artwork/card-feed';
import { CardGrid } from '../artwork/card-grid';
import { Session } from '../auth/session';
import { Debouncer } from '../editor/debouncer';
import { Welcome } from '../home/welcome';
import { Social } from '../social/social';
import { EmptyState } from '../ui/empty-state';
import {
  EXPLORE_TABS,
  type ExploreState,
  type ExploreTab,
  exploreParams,
  hueName,
  readExploreState,
} from './explore-state';
import { HueSlider } from './hue-slider';

/** How long the colour slider must rest before the list follows it. */
export const HUE_DEBOUNCE_MS = 300;

const TAB_LABELS: Readonly<Record<ExploreTab, string>> = {
  recent: 'Recent',
  popular: 'Popular',
  following: 'Following',
};

/**
 * `/` — Explore: recent or popular public artworks (optionally of one colour), or new work from
 * the painters I follow; more arrive as you scroll. The address holds the choice, so it can be
 * shared and survives a reload. Visitors who are not signed in see a short welcome first.
 */
@Component({
  selector: 'app-explore-page',
  imports: [CardGrid, EmptyState, HueSlider, RouterLink, Welcome],
  templateUrl: './explore-page.html',
  styleUrl: './explore-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExplorePage {
  private readonly artworks = inject(Artworks);
  private readonly social = inject(Social);
  private readonly router = inject(Router);
  protected readonly session = inject(Session);
  private readonly hueDebouncer = new Debouncer(HUE_DEBOUNCE_MS);
  protected readonly feed = new CardFeed();

  /** Query parameters (see {@link readExploreState}). */
  readonly tab = input<string>();
  readonly sort = input<string>();
  readonly hue = input<string>();

  protected readonly state = computed(
    () => readExploreState({ tab: this.tab(), sort: this.sort(), hue: this.hue() }),
    { equal: (a, b) => a.tab === b.tab && a.hue === b.hue },
  );
  /** Following is only for signed-in painters; an address asking for it shows the way in. */
  protected readonly tabs = computed(() =>
    EXPLORE_TABS.filter((tab) => tab !== 'following' || this.session.signedIn()),
  );
  /** Where the slider stands: ahead of the address while it waits for the slider to rest. */
  protected readonly shownHue = linkedSignal(() => this.state().hue);
  protected readonly listLabel = computed(() => {
    const { tab, hue } = this.state();
    if (tab === 'following') {
      return 'New work from painters you follow';
    }
    const list = tab === 'popular' ? 'Popular artworks' : 'Recent artworks';
    return hue === null ? list : `${list} in ${this.hueLabel(hue)}`;
  });

  private readonly load = effect(() => {
    const { tab, hue } = this.state();
    const signedIn = this.session.signedIn();
    untracked(() => {
      if (tab !== 'following') {
        void this.feed.load((cursor) => this.artworks.explore(tab, hue, cursor));
      } else if (signedIn) {
        void this.feed.load((cursor) => this.social.feed(cursor));
      }
    });
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.hueDebouncer.cancelAll());
  }

  protected label(tab: ExploreTab): string {
    return TAB_LABELS[tab];
  }

  protected hueLabel(hue: number): string {
    return hueName(hue).toLowerCase();
  }

  /** The address of a tab; Recent and Popular keep the colour. */
  protected paramsFor(tab: ExploreTab): Record<string, unknown> {
    return exploreParams({ tab, hue: this.state().hue });
  }

  /** The slider moved: show it at once, follow it with the list once it rests. */
  protected pickHue(hue: number): void {
    this.shownHue.set(hue);
    this.hueDebouncer.schedule('hue', () => this.go({ ...this.state(), hue }));
  }

  protected clearHue(): void {
    this.hueDebouncer.cancelAll();
    this.shownHue.set(null);
    this.go({ ...this.state(), hue: null });
  }

  /** Colour changes replace the address rather than piling up in the history. */
  private go(state: ExploreState): void {
    void this.router.navigate(['/'], { queryParams: exploreParams(state), replaceUrl: true });
  }
}
