import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROOMS, type Comment, type Page } from '@gallery/contracts';
import { DataSource, In, IsNull, MoreThan, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { ArtworksService } from '../artworks/artworks.service';
import type { AuthUser } from '../common/auth-user';
import type { PageQuery } from '../common/pagination';
import { DomainEvents } from '../events/domain-events';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { StagesService } from '../stages/stages.service';
import { BlocksService } from '../users/blocks.service';
import { UserMapper } from '../users/user.mapper';
import { CommentEntity } from './comment.entity';
import { CommentErrors } from './comment.errors';
import { CommentRules } from './comment-rules';
import type { CreateCommentDto } from './dto';

/** What a deletion took away, for `comment:deleted`: the comment, and a placeholder parent it emptied. */
export interface CommentDeletion {
  albumId: string;
  gone: { id: string; parentId: string | null; placeholder: boolean }[];
}

/** @usernames in a comment body, lower-cased, each once. */
export function mentionsIn(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(/(?:^|[^\w@/])@([A-Za-z0-9_]{3,30})\b/g)) names.add(m[1]!.toLowerCase());
  return [...names].slice(0, 10);
}

/**
 * Comments on an artwork or one of its stages, with one level of replies. Whoever can see the
 * artwork can read and (unless the painter turned comments off) write; authors edit their own for
 * a while; authors and the painter delete. The album's commentCount moves in the same transaction,
 * and everyone watching the album hears about each change once it is committed.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly albums: ArtworksService,
    private readonly stages: StagesService,
    private readonly users: UserMapper,
    private readonly events: DomainEvents,
    private readonly realtime: RealtimeEmitter,
    private readonly rules: CommentRules,
    private readonly blocks: BlocksService,
  ) {}

  /** Top-level comments, oldest first (all of the artwork's, or one stage's). */
  async list(
    viewer: AuthUser | null,
    albumId: string,
    query: PageQuery & { stageId?: string },
  ): Promise<Page<Comment>> {
    await this.albums.findVisibleOrThrow(viewer, albumId);
    const where: FindOptionsWhere<CommentEntity> = { albumId, parentId: IsNull() };
    if (query.stageId) where.stageId = query.stageId;
    await this.hideBlocked(viewer, where);
    return this.page(where, query);
  }

  /** Replies to a top-level comment, oldest first. */
  async replies(viewer: AuthUser | null, commentId: string, query: PageQuery): Promise<Page<Comment>> {
    const parent = await this.findVisible(viewer, commentId);
    const where: FindOptionsWhere<CommentEntity> = { parentId: parent.id };
    await this.hideBlocked(viewer, where);
    return this.page(where, query);
  }

  /** Leaves out comments by painters the viewer blocked (for the blocker only). */
  private async hideBlocked(viewer: AuthUser | null, where: FindOptionsWhere<CommentEntity>): Promise<void> {
    if (!viewer) return;
    const blocked = await this.blocks.blockedBy(viewer.id);
    if (blocked.size) where.authorId = Not(In([...blocked]));
  }

  async create(user: AuthUser, albumId: string, dto: CreateCommentDto): Promise<Comment> {
    const album = await this.albums.findVisibleOrThrow(user, albumId);
    if (album.commentsOff) throw CommentErrors.off();
    const point = dto.x !== undefined || dto.y !== undefined;
    if (point && (dto.x === undefined || dto.y === undefined || !dto.stageId))
      throw CommentErrors.pointWithoutStage();
    let stageId = dto.stageId ?? null;
    if (dto.parentId) {
      const parent = await this.db.manager.findOneBy(CommentEntity, { id: dto.parentId, albumId });
      if (!parent || parent.deleted) throw CommentErrors.notFound();
      if (parent.parentId) throw CommentErrors.tooDeep();
      // A reply belongs where its thread is.
      stageId = parent.stageId;
    } else if (stageId && !(await this.stages.exists(albumId, stageId))) {
      throw CommentErrors.stageNotFound();
    }
    const saved = await this.db.transaction(async (tx) => {
      await bumpCount(tx, albumId, +1);
      const comment = await tx.save(
        tx.create(CommentEntity, {
          albumId,
          stageId,
          parentId: dto.parentId ?? null,
          authorId: user.id,
          body: dto.body,
          x: point ? dto.x! : null,
          y: point ? dto.y! : null,
        }),
      );
      if (comment.parentId) await tx.increment(CommentEntity, { id: comment.parentId }, 'replyCount', 1);
      await this.events.publish(tx, 'comment.created', {
        commentId: comment.id,
        albumId,
        authorId: user.id,
        parentId: comment.parentId,
        mentions: mentionsIn(dto.body),
      });
      return comment;
    });
    const comment = await this.present(saved.id);
    this.realtime.toRooms([ROOMS.album(albumId)], 'comment:created', comment);
    return comment;
  }

  /** The author's own comment, within the edit window. */
  async edit(user: AuthUser, id: string, body: string): Promise<Comment> {
    const comment = await this.findVisible(user, id);
    if (comment.deleted) throw CommentErrors.notFound();
    if (comment.authorId !== user.id) throw CommentErrors.notAuthor();
    if (Date.now() - comment.createdAt > this.rules.editWindowMs) {
      throw CommentErrors.windowClosed(Math.round(this.rules.editWindowMs / 60_000));
    }
    await this.db.manager.update(CommentEntity, { id }, { body, editedAt: Date.now() });
    const updated = await this.present(id);
    this.realtime.toRooms([ROOMS.album(comment.albumId)], 'comment:updated', updated);
    return updated;
  }

  /**
   * The author's, or any on the painter's artwork. A comment with replies stays as a "deleted"
   * placeholder; the last reply of a deleted comment takes the placeholder with it.
   */
  async remove(user: AuthUser, id: string): Promise<void> {
    const comment = await this.findVisible(user, id);
    if (comment.deleted) throw CommentErrors.notFound();
    const album = await this.db.manager.findOneByOrFail(ArtworkEntity, { id: comment.albumId });
    if (comment.authorId !== user.id && album.ownerId !== user.id) throw CommentErrors.cannotDelete();
    const deletion = await this.db.transaction((tx) => this.deleteIn(tx, comment));
    this.announceDeletion(deletion);
  }

  /**
   * A moderator's removal, in the caller's transaction (with its audit entry): exactly what its
   * author's delete does, so viewers see the same thing. 404 when absent or already deleted. Call
   * announceDeletion() once committed.
   */
  async removeByModerator(tx: EntityManager, id: string): Promise<CommentDeletion> {
    const comment = await tx.findOneBy(CommentEntity, { id });
    if (!comment || comment.deleted) throw CommentErrors.notFound();
    return this.deleteIn(tx, comment);
  }

  /** Tells the artwork's watchers what a committed deletion took away (`comment:deleted` each). */
  announceDeletion({ albumId, gone }: CommentDeletion): void {
    for (const e of gone) this.realtime.toRooms([ROOMS.album(albumId)], 'comment:deleted', { ...e, albumId });
  }

  private async deleteIn(tx: EntityManager, comment: CommentEntity): Promise<CommentDeletion> {
    const { id, albumId } = comment;
    const gone: CommentDeletion['gone'] = [];
    await bumpCount(tx, albumId, -1);
    if (comment.replyCount > 0) {
      await tx.update(CommentEntity, { id }, { deleted: true, body: '' });
      gone.push({ id, parentId: null, placeholder: true });
      return { albumId, gone };
    }
    await tx.delete(CommentEntity, { id });
    gone.push({ id, parentId: comment.parentId, placeholder: false });
    if (!comment.parentId) return { albumId, gone };
    await tx.decrement(CommentEntity, { id: comment.parentId }, 'replyCount', 1);
    const parent = await tx.findOneBy(CommentEntity, { id: comment.parentId });
    if (parent?.deleted && parent.replyCount <= 0) {
      await tx.delete(CommentEntity, { id: parent.id });
      gone.push({ id: parent.id, parentId: null, placeholder: false });
    }
    return { albumId, gone };
  }

  /**
   * A comment someone may report: not deleted, with its author, on an artwork they can see (the
   * artwork comes with it). Null otherwise, so the caller answers its own 404.
   */
  async findReportable(
    viewer: AuthUser,
    id: string,
  ): Promise<{ comment: CommentEntity; album: ArtworkEntity } | null> {
    const comment = await this.db.manager.findOne(CommentEntity, {
      where: { id },
      relations: { author: true },
    });
    if (!comment || comment.deleted) return null;
    const album = await this.albums.findVisible(viewer, comment.albumId);
    return album ? { comment, album } : null;
  }

  /** A comment (with its author) whoever may see it now, deleted placeholders included; for moderators. */
  findForModerator(id: string): Promise<CommentEntity | null> {
    return this.db.manager.findOne(CommentEntity, { where: { id }, relations: { author: true } });
  }

  /** The comment if its artwork is visible to the viewer, else 404. */
  private async findVisible(viewer: AuthUser | null, id: string): Promise<CommentEntity> {
    const comment = await this.db.manager.findOneBy(CommentEntity, { id });
    if (!comment) throw CommentErrors.notFound();
    await this.albums.findVisibleOrThrow(viewer, comment.albumId).catch(() => {
      throw CommentErrors.notFound();
    });
    return comment;
  }

  private async page(where: FindOptionsWhere<CommentEntity>, query: PageQuery): Promise<Page<Comment>> {
    if (query.cursor && !/^[0-9a-f-]{36}$/.test(query.cursor)) {
      throw CommentErrors.badCursor();
    }
    const rows = await this.db.manager.find(CommentEntity, {
      where: query.cursor ? { ...where, id: MoreThan(query.cursor) } : where,
      relations: { author: true },
      order: { id: 'ASC' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((c) => this.comment(c)),
      nextCursor: rows.length > query.limit ? items.at(-1)!.id : null,
    };
  }

  private async present(id: string): Promise<Comment> {
    const row = await this.db.manager.findOneOrFail(CommentEntity, {
      where: { id },
      relations: { author: true },
    });
    return this.comment(row);
  }

  comment(c: CommentEntity): Comment {
    return {
      id: c.id,
      albumId: c.albumId,
      stageId: c.stageId,
      parentId: c.parentId,
      author: this.users.summary(c.author),
      body: c.deleted ? '' : c.body,
      x: c.x,
      y: c.y,
      createdAt: new Date(c.createdAt).toISOString(),
      editedAt: c.editedAt ? new Date(c.editedAt).toISOString() : null,
      deleted: c.deleted,
      replyCount: c.replyCount,
    };
  }
}

/** Moves the album's comment counter, taking its row lock; updatedAt stays (not painter activity). */
async function bumpCount(tx: EntityManager, albumId: string, by: 1 | -1): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(ArtworkEntity)
    .set({
      commentCount: () => (by > 0 ? 'commentCount + 1' : 'commentCount - 1'),
      updatedAt: () => 'updatedAt',
    })
    .where('id = :albumId', { albumId })
    .execute();
}
