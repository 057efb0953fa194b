import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LookupMatch, LookupResult, StageKind } from '@gallery/contracts';
import type { DataSource } from 'typeorm';
import { ArtworkCards } from '../artworks/artwork-cards';
import { notModerated } from '../artworks/artwork-moderation';
import { dialectSql, isMysql, placeholders, toIso } from '../database/dialect';
import { differenceHash, hammingDistance, hashBands } from '../media/perceptual-hash';
import { ImageRejectedError, inspectImage } from '../media/image-pipeline';
import { removeTempUploads, type TempUpload } from '../storage/temp-upload.storage';
import { ProcessErrors } from './process.errors';

/**
 * Near matches are within this many differing bits of 64. With 8 one-byte bands, any hash this
 * close agrees exactly in at least one band, so the band lookups find every one of them.
 */
export const MAX_DISTANCE = 7;
const MAX_MATCHES = 20;

interface StageRow {
  id: string;
  albumId: string;
  position: number;
  kind: StageKind;
  createdAt: Date | string;
}

/** "Which public stage is this image?": exact by SHA-256, near by perceptual hash, best first. */
@Injectable()
export class LookupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: ArtworkCards,
  ) {}

  async lookup(viewerId: string | null, file: TempUpload | undefined): Promise<LookupResult> {
    if (!file) throw ProcessErrors.noFile();
    try {
      return { matches: await this.matchesFor(viewerId, file) };
    } finally {
      await removeTempUploads([file]);
    }
  }

  private async matchesFor(viewerId: string | null, file: TempUpload): Promise<LookupMatch[]> {
    try {
      await inspectImage(file.path);
    } catch (err) {
      if (!(err instanceof ImageRejectedError)) throw err;
      const message = `${file.originalname}: ${err.message}`;
      throw err.kind === 'too-large' ? ProcessErrors.tooLarge(message) : ProcessErrors.unsupported(message);
    }
    return this.find(viewerId, file.sha256, await differenceHash(file.path));
  }

  /** Candidates from the sha256 index and the 8 band indexes, then exact distances in JS. */
  async find(viewerId: string | null, sha256: string, hash: string): Promise<LookupMatch[]> {
    const bands = hashBands(hash);
    // MySQL checks the distance itself, inside the (band, hash) index: a common band value is shared
    // by thousands of stages at 100k, and sending them all back to be measured here cost 75 ms p95
    // (bench/lookup). SQLite has no BIT_COUNT; it measures in JS below, as for MySQL's survivors.
    const near = isMysql(this.db)
      ? ' AND BIT_COUNT(CAST(CONV("hash", 16, 10) AS UNSIGNED) ^ CAST(CONV(?, 16, 10) AS UNSIGNED)) <= ?'
      : '';
    const branches = [
      'SELECT "stageId", "albumId", "hash", 1 AS "exact" FROM "stage_fingerprints" WHERE "sha256" = ?',
      ...bands.map(
        (_, i) =>
          `SELECT "stageId", "albumId", "hash", 0 AS "exact" FROM "stage_fingerprints" WHERE "b${i}" = ?${near}`,
      ),
    ];
    const rows = (await this.db.query(dialectSql(this.db, branches.join(' UNION ALL ')), [
      sha256,
      ...bands.flatMap((band) => (near ? [band, hash, MAX_DISTANCE] : [band])),
    ])) as {
      stageId: string;
      albumId: string;
      hash: string;
      exact: number | string;
    }[];
    const best = new Map<string, { albumId: string; exact: boolean; distance: number }>();
    for (const row of rows) {
      const exact = Number(row.exact) === 1;
      const distance = exact ? 0 : hammingDistance(hash, row.hash);
      if (!exact && distance > MAX_DISTANCE) continue;
      const seen = best.get(row.stageId);
      if (!seen || (exact && !seen.exact) || distance < seen.distance)
        best.set(row.stageId, { albumId: row.albumId, exact: exact || !!seen?.exact, distance });
    }
    if (!best.size) return [];
    const ranked = [...best.entries()]
      .sort(([, a], [, b]) => Number(b.exact) - Number(a.exact) || a.distance - b.distance)
      .slice(0, MAX_MATCHES * 2);
    // Visibility is checked on the current rows: unlisted works match only for their painter.
    const ids = ranked.map(([id]) => id);
    const visible = (await this.db.query(
      dialectSql(
        this.db,
        `SELECT s."id", s."albumId", s."position", s."kind", s."createdAt" FROM "stages" s JOIN "albums" a ON a."id" = s."albumId" ` +
          `WHERE s."id" IN (${placeholders(ids.length)}) AND ((a."visibility" = 'public' AND ${notModerated('a')}) OR a."ownerId" = ?)`,
      ),
      [...ids, viewerId ?? ''],
    )) as StageRow[];
    const stages = new Map(visible.map((s) => [s.id, s]));
    const shown = ranked.filter(([id]) => stages.has(id)).slice(0, MAX_MATCHES);
    const cards = new Map(
      (await this.cards.byIds([...new Set(shown.map(([, m]) => m.albumId))], viewerId)).map((c) => [c.id, c]),
    );
    return shown.flatMap(([id, m]) => {
      const stage = stages.get(id)!;
      const album = cards.get(stage.albumId);
      if (!album) return [];
      return [
        {
          album,
          stageId: id,
          position: Number(stage.position),
          kind: stage.kind,
          exact: m.exact,
          distance: m.distance,
          uploadedAt: toIso(stage.createdAt),
        },
      ];
    });
  }
}
