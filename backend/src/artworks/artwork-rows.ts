import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StageColor } from '@gallery/contracts';
import type { DataSource } from 'typeorm';
import { dialectSql, toIso } from '../database/dialect';
import type { StageView } from '../stages/stage.mapper';
import type { ArtworkView } from './artwork.mapper';

const ARTWORK_SQL =
  'SELECT a."id", a."title", a."description", a."visibility", a."shareCode", a."ownerId", a."coverStageId", ' +
  'a."coverPinned", a."likeCount", a."favoriteCount", a."commentCount", a."commentsOff", a."critiqueWanted", ' +
  'a."createdAt", a."updatedAt", a."hiddenAt", a."hiddenReason", ' +
  'u."username", u."displayName", u."avatarKey", u."suspendedAt" FROM "albums" a JOIN "users" u ON u."id" = a."ownerId" WHERE a."id" = ?';
const STAGES_SQL =
  'SELECT "id", "position", "kind", "title", "note", "status", "error", "thumbKey", "previewKey", "width", ' +
  '"height", "placeholder", "colors", "tilesKey", "tilesWidth", "tilesHeight", "createdAt" FROM "stages" WHERE "albumId" = ? ORDER BY "position"';

type Raw = Record<string, unknown>;

/**
 * The artwork page's read, the busiest request Gallery serves: two plain SQL queries (artwork
 * with its painter, and its stages in order), run together, shaped straight into what the
 * mappers read. TypeORM's query building and entity hydration cost more CPU than the database
 * here (bench/read); writes and access checks keep using the repositories.
 */
@Injectable()
export class ArtworkRows {
  private readonly artworkSql: string;
  private readonly stagesSql: string;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.artworkSql = dialectSql(db, ARTWORK_SQL);
    this.stagesSql = dialectSql(db, STAGES_SQL);
  }

  /** The artwork with its painter and stages, or null; visibility is the caller's to check. */
  async load(id: string): Promise<{ artwork: ArtworkView; stages: StageView[] } | null> {
    const [artworks, stages] = await Promise.all([
      this.db.query<Raw[]>(this.artworkSql, [id]),
      this.db.query<Raw[]>(this.stagesSql, [id]),
    ]);
    const a = artworks[0];
    if (!a) return null;
    return {
      artwork: {
        id: a.id as string,
        title: a.title as string,
        description: a.description as string,
        visibility: a.visibility as ArtworkView['visibility'],
        shareCode: a.shareCode as string,
        ownerId: a.ownerId as string,
        owner: {
          id: a.ownerId as string,
          username: a.username as string,
          displayName: a.displayName as string,
          avatarKey: a.avatarKey as string | null,
          suspendedAt: a.suspendedAt === null ? null : Number(a.suspendedAt),
        },
        hiddenAt: a.hiddenAt === null ? null : Number(a.hiddenAt),
        hiddenReason: a.hiddenReason as string | null,
        coverStageId: a.coverStageId as string | null,
        // SQLite has no boolean: 0/1.
        coverPinned: Boolean(a.coverPinned),
        likeCount: Number(a.likeCount),
        favoriteCount: Number(a.favoriteCount),
        commentCount: Number(a.commentCount),
        commentsOff: Boolean(a.commentsOff),
        critiqueWanted: Boolean(a.critiqueWanted),
        createdAt: toIso(a.createdAt as Date | string),
        updatedAt: toIso(a.updatedAt as Date | string),
      },
      stages: stages.map((s) => ({
        id: s.id as string,
        position: Number(s.position),
        kind: s.kind as StageView['kind'],
        title: s.title as string,
        note: s.note as string,
        status: s.status as StageView['status'],
        error: s.error as string | null,
        thumbKey: s.thumbKey as string | null,
        previewKey: s.previewKey as string | null,
        width: Number(s.width),
        height: Number(s.height),
        placeholder: s.placeholder as string | null,
        tilesKey: s.tilesKey as string | null,
        tilesWidth: Number(s.tilesWidth ?? 0),
        tilesHeight: Number(s.tilesHeight ?? 0),
        colors: typeof s.colors === 'string' ? (JSON.parse(s.colors) as StageColor[]) : null,
        createdAt: toIso(s.createdAt as Date | string),
      })),
    };
  }
}
