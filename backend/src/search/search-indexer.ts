import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { StageEntity } from '../stages/stage.entity';
import type { UserEntity } from '../users/user.entity';
import { ListCache } from './list-cache';
import { normalize } from './normalize';
import { SearchIndex } from './search-index';

/** Rebuilds the searchable text of an artwork or painter after anything in it changes. */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly index: SearchIndex,
    private readonly cache: ListCache,
  ) {}

  async album(db: EntityManager, albumId: string): Promise<void> {
    this.cache.invalidate();
    const album = await db.findOneBy(ArtworkEntity, { id: albumId });
    if (!album) return this.index.removeArtwork(db, albumId);
    const stages = await db.find(StageEntity, { where: { albumId }, select: { title: true } });
    const text = normalize([album.title, album.description, ...stages.map((s) => s.title)].join(' ')).slice(
      0,
      60_000,
    );
    await this.index.putArtwork(db, albumId, text);
  }

  removeArtwork(db: EntityManager, albumId: string): Promise<void> {
    this.cache.invalidate();
    return this.index.removeArtwork(db, albumId);
  }

  async user(db: EntityManager, user: UserEntity): Promise<void> {
    this.cache.invalidate();
    await this.index.putUser(db, user.id, normalize(`${user.username} ${user.displayName}`).slice(0, 100));
  }
}
