import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StageColor } from '@gallery/contracts';
import type { DataSource } from 'typeorm';
import { dialectSql, toDate, toIso } from '../database/dialect';
import { PinEntity } from '../stages/pin.entity';
import type { StageView } from '../stages/stage.mapper';
import type { ArtworkView } from './artwork.mapper';
import { readRows } from '../database/plain-reads';

const ARTWORK_SQL =
  'SELECT a."id", a."title", a."description", a."visibility", a."shareCode", a."ownerId", a."coverStageId", ' +
  'a."coverPinned", a."likeCount", a."favoriteCount", a."commentCount", a."commentsOff", a."critiqueWanted", ' +
  'a."createdAt", a."updatedAt", a."hiddenAt", a."hiddenReason", ' +
  'u."username", u."displayName", u."avatarKey", u."suspendedAt" FROM "albums" a JOIN "users" u ON u."id" = a."ownerId" WHERE a."id" = ?';
const STAGES_SQL =
  'SELECT "id", "position", "kind", "title", "note", "status", "error", "thumbKey", "previewKey", "width", ' +
  '"height", "placeholder", "colors", "tilesKey", "tilesWidth", "tilesHeight", "createdAt" FROM "stages" WHERE "albumId" = ? ORDER BY "position"';
const PINS_SQL =
  'SELECT p."id", p."stageId", p."x", p."y", p."body", p."createdAt" FROM "stage_pins" p ' +
  'JOIN "stages" s ON s."id" = p."stageId" WHERE s."albumId" = ? ORDER BY p."createdAt", p."id"';

type Raw = Record<string, unknown>;

/**
 * The artwork page's read, the busiest request Gallery serves: three plain SQL queries (artwork
 * with its painter, its stages in order, and their pins), run together, shaped straight into what
 * the mappers read. The pins are read before access is checked, but only returned after it. TypeORM's query building and entity hydration cost more CPU than the database
 * here (bench/read); writes and access checks keep using the repositories.
 */
@Injectable()
export class ArtworkRows {
  private readonly artworkSql: string;
  private readonly stagesSql: string;
  private readonly pinsSql: string;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.artworkSql = dialectSql(db, ARTWORK_SQL);
    this.stagesSql = dialectSql(db, STAGES_SQL);
    this.pinsSql = dialectSql(db, PINS_SQL);
  }

  /**
   * The artwork with its painter, stages and their pins (by stage id, oldest first, as
   * PinsService.byStage gives them), or null; visibility is the caller's to check.
   */
  async load(
    id: string,
  ): Promise<{ artwork: ArtworkView; stages: StageView[]; pins: Map<string, PinEntity[]> } | null> {
    const [artworks, stages, pinRows] = await Promise.all([
      readRows<Raw>(this.db, this.artworkSql, [id]),
      readRows<Raw>(this.db, this.stagesSql, [id]),
      readRows<Raw>(this.db, this.pinsSql, [id]),
    ]);
    const a = artworks[0];
    if (!a) return null;
    const pins = new Map<string, PinEntity[]>();
    for (const r of pinRows) {
      const pin = Object.assign(new PinEntity(), {
        id: r.id as string,
        stageId: r.stageId as string,
        x: Number(r.x),
        y: Number(r.y),
        body: r.body as string,
        createdAt: toDate(r.createdAt as Date | string),
      });
      const list = pins.get(pin.stageId);
      if (list) list.push(pin);
      else pins.set(pin.stageId, [pin]);
    }
    return {
      pins,
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
