import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResult } from '@gallery/contracts';
import { DataSource } from 'typeorm';
import { ArtworkCards } from '../artworks/artwork-cards';
import type { UserEntity } from '../users/user.entity';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { ListCache } from '../search-index/list-cache';
import { likePrefix, normalize, queryTerms } from '../search-index/normalize';
import { SearchIndex } from '../search-index/search-index';

const ALBUMS = 20;
const PAINTERS = 8;

/** Artworks by title, description and stage titles; painters by username and display name. */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly index: SearchIndex,
    private readonly cards: ArtworkCards,
    private readonly users: UsersService,
    private readonly listCache: ListCache,
    private readonly userMapper: UserMapper,
  ) {}

  async search(q: string, viewerId: string | null): Promise<SearchResult> {
    const terms = queryTerms(q);
    if (!terms.length) return { albums: [], users: [] };
    const { albumIds, users } = await this.listCache.get(`search:${normalize(q.trim())}`, async () => {
      const [albumIds, painters] = await Promise.all([
        this.index.albumIds(this.db.manager, terms, ALBUMS),
        this.painters(q, terms),
      ]);
      return { albumIds, users: painters.map((u) => this.userMapper.summary(u)) };
    });
    // Cards fresh for every request; ids kept a little while may point at a work hidden since.
    // Blocks filter here, per viewer: the cached ids stay shared by everyone.
    // Likewise painters suspended since are dropped here, not only when the cache turns over.
    const [albums, current] = await Promise.all([
      this.cards.byIds(albumIds, viewerId, { publicOnly: true, eitherBlock: true }),
      this.users.findByIds(users.map((u) => u.id)),
    ]);
    const active = new Set(current.filter((u) => u.suspendedAt === null).map((u) => u.id));
    return { albums, users: users.filter((u) => active.has(u.id)) };
  }

  /** The exact username first, then usernames starting with the query, then word matches. */
  private async painters(q: string, terms: string[]): Promise<UserEntity[]> {
    const handle = normalize(q.trim()).replace(/^@/, '').replace(/\s+/g, '_');
    const byHandle = /^[a-z0-9_]+$/.test(handle)
      ? await this.users.findByUsernamePrefix(likePrefix(handle), PAINTERS)
      : [];
    const wordIds = await this.index.userIds(this.db.manager, terms, PAINTERS);
    const missing = wordIds.filter((id) => !byHandle.some((u) => u.id === id));
    const byWords = await this.users.findByIds(missing);
    const wordsById = new Map(byWords.map((u) => [u.id, u]));
    return [...byHandle, ...missing.map((id) => wordsById.get(id)).filter((u): u is UserEntity => !!u)].slice(
      0,
      PAINTERS,
    );
  }
}
