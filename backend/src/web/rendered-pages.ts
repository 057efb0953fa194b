import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataVersion } from '../read-cache/data-version';
import { BumpFailures } from '../read-cache/data-version.module';
import { ReadCache } from '../read-cache/read-cache';

/** A signed-out public page as sent: the rendered html (with its link-preview tags) and its CSP. */
export interface RenderedPage {
  html: string;
  csp: string | null;
}

const MAX_PAGES = 500;

/**
 * Server-rendered pages kept by URL under the data version, as the read cache keeps api answers
 * (read-cache/): a render costs 25–50 ms of CPU against ~1 ms for the browser-drawn page, and a
 * signed-out render depends only on its URL and the data. A page is sent again only while no
 * write it could show has committed since its render began, so it is never older than an
 * answered write; READ_CACHE_SECONDS=0 turns this off with the read cache.
 */
@Injectable()
export class RenderedPages implements OnModuleInit {
  private readonly pages = new Map<string, RenderedPage & { version: string; expires: number }>();

  constructor(
    private readonly version: DataVersion,
    private readonly cache: ReadCache,
    private readonly failures: BumpFailures,
  ) {}

  onModuleInit(): void {
    this.failures.on(() => this.pages.clear());
  }

  /** The page for `url`, rendered by `render` unless a current one is kept; null is never kept. */
  async get(url: string, render: () => Promise<RenderedPage | null>): Promise<RenderedPage | null> {
    if (!this.cache.enabled) return render();
    // Read before rendering: a write committed meanwhile moves the version past this one.
    const version = await this.version.current();
    if (version === null) return render();
    const kept = this.pages.get(url);
    if (kept && kept.version === version && kept.expires > Date.now()) return kept;
    const page = await render();
    if (page) {
      this.pages.delete(url);
      this.pages.set(url, { ...page, version, expires: Date.now() + this.cache.maxAgeMs });
      if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    }
    return page;
  }
}
