import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ArtworkCard, FavoriteState, FollowState, LikeState, Page, Profile } from '@gallery/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { ArtworksService } from '../artworks/artworks.service';
import { ArtworkCards, cardListSql, type CardRow } from '../artworks/artwork-cards';
import { notModerated } from '../artworks/artwork-moderation';
import { hotScore } from '../artworks/popularity';
import { decodeCursor, encodeCursor, keysetAfter } from '../common/cursor';
import { uuidv7Time } from '../common/uuidv7';
import type { PageQuery } from '../common/pagination';
import { dialectSql } from '../database/dialect';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { UserErrors } from '../users/user.errors';
import { UserMapper } from '../users/user.mapper';
import { noBlockBetween } from '../users/block-sql';
import { BlocksService } from '../users/blocks.service';
import { UsersService } from '../users/users.service';
import { SocialErrors } from './social.errors';
import { FavoriteEntity } from './favorite.entity';
import { FollowEntity } from './follow.entity';
import { LikeEntity } from './like.entity';

type Mark = typeof LikeEntity | typeof FavoriteEntity;

@Injectable()
export class SocialService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly albums: ArtworksService,
    private readonly cards: ArtworkCards,
    private readonly users: UsersService,
    private readonly blocks: BlocksService,
    private readonly userMapper: UserMapper,
    private readonly events: DomainEvents,
  ) {}

  /** A painter's page header: counts are what the viewer can see (unlisted works only for the painter). */
  async profile(username: string, viewer: AuthUser | null): Promise<Profile> {
    const user = await this.users.findByUsername(username);
    const own = viewer?.id === user?.id || viewer?.role === 'admin';
    if (!user || (user.suspendedAt !== null && !own)) throw UserErrors.notFound();
    if (viewer && (await this.blocks.hasBlocked(user.id, viewer.id))) throw UserErrors.notFound();
    const db = this.db.manager;
    const [albumCount, followerCount, followingCount, followedByMe] = await Promise.all([
      db.countBy(
        ArtworkEntity,
        viewer?.id === user.id
          ? { ownerId: user.id }
          : { ownerId: user.id, visibility: 'public', hiddenAt: IsNull() },
      ),
      db.countBy(FollowEntity, { followeeId: user.id }),
      db.countBy(FollowEntity, { followerId: user.id }),
      viewer ? db.existsBy(FollowEntity, { followerId: viewer.id, followeeId: user.id }) : false,
    ]);
    return this.userMapper.profile(user, { albumCount, followerCount, followingCount, followedByMe });
  }

  async like(user: AuthUser, albumId: string, on: boolean): Promise<LikeState> {
    const likeCount = await this.mark(LikeEntity, 'likeCount', user, albumId, on);
    return { likeCount, likedByMe: on };
  }

  async favorite(user: AuthUser, albumId: string, on: boolean): Promise<FavoriteState> {
    const favoriteCount = await this.mark(FavoriteEntity, 'favoriteCount', user, albumId, on);
    return { favoriteCount, favoritedByMe: on };
  }

  async follow(user: AuthUser, username: string, on: boolean): Promise<FollowState> {
    const painter = await this.users.findByUsername(username);
    if (!painter) throw UserErrors.notFound();
    if (painter.id === user.id) throw SocialErrors.followSelf();
    const key = { followerId: user.id, followeeId: painter.id };
    if (on) {
      await this.db.transaction(async (tx) => {
        const added = await tx.insert(FollowEntity, key).then(() => true, ignoreDuplicate);
        if (added) await this.events.publish(tx, 'painter.followed', key);
      });
    } else await this.db.getRepository(FollowEntity).delete(key);
    return {
      followerCount: await this.db.getRepository(FollowEntity).countBy({ followeeId: painter.id }),
      followedByMe: on,
    };
  }

  /**
   * My favourites, most recently favourited first; others' unlisted works drop out, and so do
   * works of painters I blocked or who blocked me (they come back on unblocking).
   */
  async favorites(user: AuthUser, page: PageQuery): Promise<Page<ArtworkCard>> {
    const after = page.cursor ? `AND ${keysetAfter('f."at"', 'a."id"')}` : '';
    const sql = cardListSql(
      `SELECT a."id", f."at" AS "sortValue" FROM "favorites" f JOIN "albums" a ON a."id" = f."albumId" ` +
        `WHERE f."userId" = ? AND ((a."visibility" = 'public' AND ${notModerated('a')}) OR a."ownerId" = ?) ` +
        `AND ${noBlockBetween('a."ownerId"')} ${after} ` +
        'ORDER BY f."at" DESC, a."id" DESC LIMIT ?',
      'p."sortValue" DESC, a."id" DESC',
    );
    return this.sortedPage(sql, [user.id, user.id, user.id, user.id], user, page);
  }

  /**
   * Public works of the painters I follow, latest activity (creation, new stage) first; a block
   * either way keeps a followed painter's works out.
   */
  async feed(user: AuthUser, page: PageQuery): Promise<Page<ArtworkCard>> {
    const after = page.cursor ? `AND ${keysetAfter('a."activityAt"', 'a."id"')}` : '';
    const sql = cardListSql(
      `SELECT a."id", a."activityAt" AS "sortValue" FROM "albums" a ` +
        `JOIN "follows" fo ON fo."followeeId" = a."ownerId" AND fo."followerId" = ? ` +
        `WHERE a."visibility" = 'public' AND a."stageCount" > 0 AND ${notModerated('a')} AND ${noBlockBetween('a."ownerId"')} ${after} ` +
        'ORDER BY a."activityAt" DESC, a."id" DESC LIMIT ?',
      'p."sortValue" DESC, a."id" DESC',
    );
    return this.sortedPage(sql, [user.id, user.id, user.id], user, page);
  }

  /** A card page ordered by (sortValue, id) descending, with a keyset cursor on both. */
  private async sortedPage(
    sql: string,
    params: unknown[],
    user: AuthUser,
    page: PageQuery,
  ): Promise<Page<ArtworkCard>> {
    const cursor = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await this.cards.rows<CardRow & { sortValue: number | string }>(dialectSql(this.db, sql), [
      ...params,
      ...(cursor ? [cursor.value, cursor.value, cursor.id] : []),
      page.limit + 1,
    ]);
    return this.cards.page(rows, page.limit, user.id, (last) =>
      encodeCursor(Number(last.sortValue), last.id),
    );
  }

  /**
   * Sets or clears a like/favourite and keeps the album's counter exact. The album row is locked
   * first, so concurrent clicks queue instead of deadlocking (the mark's foreign key would
   * otherwise share-lock the row each transaction then wants to update); the counter only moves
   * when a row was really added or removed, so repeats are idempotent.
   */
  private async mark(
    entity: Mark,
    counter: 'likeCount' | 'favoriteCount',
    user: AuthUser,
    albumId: string,
    on: boolean,
  ) {
    await this.albums.findVisibleOrThrow(user, albumId);
    const count = await this.db.transaction(async (tx) => {
      await lock(tx, albumId);
      const key = { albumId, userId: user.id };
      const changed = on
        ? await tx
            .insert(entity, entity === FavoriteEntity ? { ...key, at: Date.now() } : key)
            .then(() => true, ignoreDuplicate)
        : ((await tx.delete(entity, key)).affected ?? 0) > 0;
      if (changed) await tx.increment(ArtworkEntity, { id: albumId }, counter, on ? 1 : -1);
      const album = await tx.findOneByOrFail(ArtworkEntity, { id: albumId });
      if (changed && on) {
        const event = counter === 'likeCount' ? 'artwork.liked' : 'artwork.favorited';
        await this.events.publish(tx, event, { artworkId: albumId, userId: user.id });
      }
      if (changed && counter === 'likeCount') {
        await tx.update(
          ArtworkEntity,
          { id: albumId },
          { hot: hotScore(album.likeCount, uuidv7Time(album.id)), updatedAt: () => 'updatedAt' },
        );
        // Likes rank popular lists and break ties in search.
        await this.events.publish(tx, 'artwork.changed', { artworkId: albumId, what: ['likes'] });
      }
      return album[counter];
    });
    return count;
  }
}

async function lock(tx: EntityManager, albumId: string): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(ArtworkEntity)
    .set({ likeCount: () => 'likeCount', updatedAt: () => 'updatedAt' })
    .where('id = :albumId', { albumId })
    .execute();
}

function ignoreDuplicate(err: unknown): false {
  if (isUniqueViolation(err)) return false;
  throw err;
}
