import type { EntityManager } from 'typeorm';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkPaletteEntity } from './artwork-palette.entity';
import { StageColorEntity } from '../stages/stage-color.entity';

/**
 * Copies the cover stage's colours into album_palette when the artwork is public (and not hidden), and removes
 * them otherwise. Call inside the transaction that changed the cover or the visibility.
 */
export async function syncPalette(tx: EntityManager, albumId: string): Promise<void> {
  await tx.delete(ArtworkPaletteEntity, { albumId });
  const album = await tx.findOneBy(ArtworkEntity, { id: albumId });
  if (!album || album.visibility !== 'public' || album.hiddenAt !== null || !album.coverStageId) return;
  const colors = await tx.findBy(StageColorEntity, { stageId: album.coverStageId });
  if (colors.length) {
    await tx.insert(
      ArtworkPaletteEntity,
      colors.map((c) => ({ albumId, rank: c.rank, hue: c.hue, weight: c.weight })),
    );
  }
}
