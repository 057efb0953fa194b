import { Injectable } from '@nestjs/common';
import {
  type Artwork,
  HERO_IMAGE_SIZES,
  imageSrcset,
  openingStageIndex,
  readStageParam,
} from '@gallery/contracts';
import { ArtworksService } from '../artworks/artworks.service';
import { AppConfig } from '../config/app-config';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import type { ImagePreload, PreviewTags } from './html';

/**
 * Open Graph and Twitter card facts for the app's shareable pages, so a pasted link shows the
 * work in Discord, Slack or Mastodon. Only what an anonymous visitor may see: an unlisted work
 * by id gives nothing away (its share link, which is the permission, does).
 */
@Injectable()
export class LinkPreviews {
  private readonly base: string;

  constructor(
    private readonly artworks: ArtworksService,
    private readonly users: UsersService,
    private readonly userMapper: UserMapper,
    config: AppConfig,
  ) {
    this.base = config.publicUrl.replace(/\/$/, '');
  }

  /**
   * Tags for an app path, or null when the path has none (or shows nothing public). `query` is
   * the address's query: `?stage=3` opens another stage, `?compare=` no single picture.
   */
  async forPath(path: string, query: Record<string, unknown> = {}): Promise<PreviewTags | null> {
    const [, kind, key] = /^\/(a|s|u)\/([^/?#]+)\/?$/.exec(path) ?? [];
    if (!kind || !key) return null;
    const id = decodeURIComponent(key);
    try {
      if (kind === 'a') return this.artwork(await this.artworks.get(null, id), path, query);
      if (kind === 's') return this.artwork(await this.artworks.getShared(null, id), path, query);
      return await this.painter(id, path);
    } catch {
      // Absent or not public: the plain app page, which will say so itself.
      return null;
    }
  }

  private artwork(a: Artwork, path: string, query: Record<string, unknown>): PreviewTags {
    const stages = `${a.stages.length} stage${a.stages.length === 1 ? '' : 's'}`;
    return {
      title: `${a.title} by ${a.owner.displayName}`,
      description: a.description.trim() || `How "${a.title}" came to be, in ${stages}, on Gallery.`,
      url: this.base + path,
      image: a.cover ? this.absolute(a.cover.previewUrl) : null,
      type: 'article',
      preload: this.openingImage(a, query),
    };
  }

  /** The picture the artwork page shows first (its largest paint), as the page's <img> asks for it. */
  private openingImage(a: Artwork, query: Record<string, unknown>): ImagePreload | null {
    if (query['compare'] !== undefined) return null;
    const stage = typeof query['stage'] === 'string' ? query['stage'] : null;
    const index = readStageParam(stage, a.stages.length) ?? openingStageIndex(a);
    const image = a.stages[index]?.image;
    return image ? { href: image.previewUrl, srcset: imageSrcset(image), sizes: HERO_IMAGE_SIZES } : null;
  }

  private async painter(username: string, path: string): Promise<PreviewTags | null> {
    const user = await this.users.findByUsername(username);
    if (!user) return null;
    return {
      title: `${user.displayName} (@${user.username})`,
      description: user.bio.trim() || `${user.displayName}'s artworks, stage by stage, on Gallery.`,
      url: this.base + path,
      image: ((url) => (url ? this.absolute(url) : null))(this.userMapper.summary(user).avatarUrl),
      type: 'profile',
    };
  }

  private absolute(url: string): string {
    return /^https?:\/\//.test(url) ? url : this.base + url;
  }
}
