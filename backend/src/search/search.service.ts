import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResult } from '@gallery/contracts';
import { DataSource, In } from 'typeorm';
import { ArtworkCards } from '../artworks/artwork-cards';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ListCache } from './list-cache';
import { likePrefix, normalize, queryTerms } from './normalize';
import { SearchIndex } from './search-index';

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
  ) {}

  async search(q: string, viewerId: string | null): Promise<SearchResult> {
    const terms = queryTerms(q);
    if (!terms.length) return { albums: [], users: [] };
    const { albumIds, users } = await this.listCache.get(`search:${normalize(q.trim())}`, async () => {
      const [albumIds, painters] = await Promise.all([
        this.index.albumIds(this.db.manager, terms, ALBUMS),
        this.painters(q, terms),
      ]);
      return { albumIds, users: painters.map((u) => this.users.mapper.summary(u)) };
    });
    // Cards fresh for every request; ids kept a little while may point at a work hidden since.
    return { albums: await this.cards.byIds(albumIds, viewerId, true), users };
  }

  /** The exact username first, then usernames starting with the query, then word matches. */
  private async painters(q: string, terms: string[]): Promise<UserEntity[]> {
    const repo = this.db.getRepository(UserEntity);
    const handle = normalize(q.trim()).replace(/^@/, '').replace(/\s+/g, '_');
    const byHandle = /^[a-z0-9_]+$/.test(handle)
      ? await repo
          .createQueryBuilder('u')
          .where("u.username LIKE :prefix ESCAPE '!'", { prefix: likePrefix(handle) })
          .orderBy('LENGTH(u.username)', 'ASC')
          .addOrderBy('u.username', 'ASC')
          .take(PAINTERS)
          .getMany()
      : [];
    const wordIds = await this.index.userIds(this.db.manager, terms, PAINTERS);
    const missing = wordIds.filter((id) => !byHandle.some((u) => u.id === id));
    const byWords = missing.length ? await repo.findBy({ id: In(missing) }) : [];
    const wordsById = new Map(byWords.map((u) => [u.id, u]));
    return [...byHandle, ...missing.map((id) => wordsById.get(id)).filter((u): u is UserEntity => !!u)].slice(
      0,
      PAINTERS,
    );
  }
}
