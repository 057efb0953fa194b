import type { EntityManager } from 'typeorm';
import { StageEntity } from '../stages/stage.entity';
import { ArtworkEntity } from './artwork.entity';
import { syncPalette } from './palette';

/**
 * Sets the album's cover: the pinned stage while it exists, otherwise the newest uploaded stage
 * that is ready. Call inside a transaction after anything that can change the answer (ready,
 * delete, pin, unpin). It locks the album row first, so two stages turning ready at once are
 * handled one after the other and the later refresh sees the earlier one's stage as ready.
 */
export async function refreshCover(manager: EntityManager, albumId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(ArtworkEntity)
    .set({ coverStageId: () => 'coverStageId', updatedAt: () => 'updatedAt' })
    .where('id = :albumId', { albumId })
    .execute();
  const album = await manager.findOneBy(ArtworkEntity, { id: albumId });
  if (!album) return;
  if (album.coverPinned && album.coverStageId) {
    if (await manager.existsBy(StageEntity, { id: album.coverStageId, albumId }))
      return syncPalette(manager, albumId);
  }
  const newest = await manager.findOne(StageEntity, {
    where: { albumId, status: 'ready' },
    order: { createdAt: 'DESC', position: 'DESC' },
  });
  // update() rather than save(): the cover changing is not painter activity, so updatedAt stays.
  await manager.update(
    ArtworkEntity,
    { id: albumId },
    { coverStageId: newest?.id ?? null, coverPinned: false, updatedAt: () => 'updatedAt' },
  );
  await syncPalette(manager, albumId);
}
