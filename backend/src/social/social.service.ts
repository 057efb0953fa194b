import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlbumCard, FavoriteState, FollowState, LikeState, Page } from '@gallery/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AlbumEntity } from '../albums/album.entity';
import { AlbumsService } from '../albums/albums.service';
import { hotScore } from '../albums/popularity';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { uuidv7Time } from '../common/uuidv7';
import type { PageQuery } from '../common/pagination';
import { isUniqueViolation } from '../database/errors';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { FavoriteEntity } from './favorite.entity';
import { FollowEntity } from './follow.entity';
import { LikeEntity } from './like.entity';

type Mark = typeof LikeEntity | typeof FavoriteEntity;

@Injectable()
export class SocialService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly albums: AlbumsService,
    private readonly users: UsersService,
  ) {}

  async like(user: UserEntity, albumId: string, on: boolean): Promise<LikeState> {
    const likeCount = await this.mark(LikeEntity, 'likeCount', user, albumId, on);
    return { likeCount, likedByMe: on };
  }

  async favorite(user: UserEntity, albumId: string, on: boolean): Promise<FavoriteState> {
    const favoriteCount = await this.mark(FavoriteEntity, 'favoriteCount', user, albumId, on);
    return { favoriteCount, favoritedByMe: on };
  }

  async follow(user: UserEntity, username: string, on: boolean): Promise<FollowState> {
    const painter = await this.users.findByUsername(username);
    if (!painter) throw new NotFoundException('no painter by that name');
    if (painter.id === user.id) throw new BadRequestException('you cannot follow yourself');
    const key = { followerId: user.id, followeeId: painter.id };
    if (on) await this.db.getRepository(FollowEntity).insert(key).catch(ignoreDuplicate);
    else await this.db.getRepository(FollowEntity).delete(key);
    return {
      followerCount: await this.db.getRepository(FollowEntity).countBy({ followeeId: painter.id }),
      followedByMe: on,
    };
  }

  /** My favourites, most recently favourited first; others' unlisted works drop out. */
  async favorites(user: UserEntity, page: PageQuery): Promise<Page<AlbumCard>> {
    const qb = this.db
      .getRepository(AlbumEntity)
      .createQueryBuilder('a')
      .innerJoin(FavoriteEntity, 'f', 'f.albumId = a.id AND f.userId = :me', { me: user.id })
      .innerJoinAndSelect('a.owner', 'owner')
      .addSelect('f.at', 'favoritedAt')
      .where("(a.visibility = 'public' OR a.ownerId = :me)", { me: user.id });
    if (page.cursor) {
      const { value, id } = decodeCursor(page.cursor);
      qb.andWhere('(f.at < :at OR (f.at = :at AND a.id < :id))', { at: value, id });
    }
    const { entities, raw } = await qb
      .orderBy('f.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(page.limit + 1)
      .getRawAndEntities();
    const at = new Map(
      raw.map((r: { a_id: string; favoritedAt: string | number }) => [r.a_id, Number(r.favoritedAt)]),
    );
    const items = entities.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: await this.albums.cards(items),
      nextCursor: entities.length > page.limit && last ? encodeCursor(at.get(last.id)!, last.id) : null,
    };
  }

  /** Public works of the painters I follow, latest activity (creation, new stage) first. */
  async feed(user: UserEntity, page: PageQuery): Promise<Page<AlbumCard>> {
    const qb = this.db
      .getRepository(AlbumEntity)
      .createQueryBuilder('a')
      .innerJoin(FollowEntity, 'f', 'f.followeeId = a.ownerId AND f.followerId = :me', { me: user.id })
      .innerJoinAndSelect('a.owner', 'owner')
      .where("a.visibility = 'public' AND a.stageCount > 0");
    if (page.cursor) {
      const { value, id } = decodeCursor(page.cursor);
      qb.andWhere('(a.activityAt < :at OR (a.activityAt = :at AND a.id < :id))', { at: value, id });
    }
    const rows = await qb
      .orderBy('a.activityAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(page.limit + 1)
      .getMany();
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: await this.albums.cards(items),
      nextCursor: rows.length > page.limit && last ? encodeCursor(last.activityAt, last.id) : null,
    };
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
    user: UserEntity,
    albumId: string,
    on: boolean,
  ) {
    await this.albums.findVisibleOrThrow(user, albumId);
    return this.db.transaction(async (tx) => {
      await lock(tx, albumId);
      const key = { albumId, userId: user.id };
      const changed = on
        ? await tx
            .insert(entity, entity === FavoriteEntity ? { ...key, at: Date.now() } : key)
            .then(() => true, ignoreDuplicate)
        : ((await tx.delete(entity, key)).affected ?? 0) > 0;
      if (changed) await tx.increment(AlbumEntity, { id: albumId }, counter, on ? 1 : -1);
      const album = await tx.findOneByOrFail(AlbumEntity, { id: albumId });
      if (changed && counter === 'likeCount') {
        await tx.update(
          AlbumEntity,
          { id: albumId },
          { hot: hotScore(album.likeCount, uuidv7Time(album.id)), updatedAt: () => 'updatedAt' },
        );
      }
      return album[counter];
    });
  }
}

async function lock(tx: EntityManager, albumId: string): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(AlbumEntity)
    .set({ likeCount: () => 'likeCount', updatedAt: () => 'updatedAt' })
    .where('id = :albumId', { albumId })
    .execute();
}

function ignoreDuplicate(err: unknown): false {
  if (isUniqueViolation(err)) return false;
  throw err;
}
