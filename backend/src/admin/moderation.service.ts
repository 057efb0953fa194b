import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROOMS, type Role } from '@gallery/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { ArtworksService } from '../artworks/artworks.service';
import { MessagesService } from '../chat/messages.service';
import { CommentsService } from '../comments/comments.service';
import type { AuthUser } from '../common/auth-user';
import { DomainEvents } from '../events/domain-events';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { StageEntity } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AdminErrors } from './admin.errors';
import { AuditLog } from './audit-log';

/** Work to do once the transaction committed (sockets, jobs, files): never on rollback. */
export type Later = (task: () => unknown) => void;

/**
 * The admin's actions. Each runs in one transaction with its audit entry; what must not happen on a
 * rollback (evicting sockets, queueing jobs) runs after the commit. The `*In` variants take the
 * caller's transaction, so resolving a report acts and closes the reports atomically.
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger(ModerationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly artworks: ArtworksService,
    private readonly messages: MessagesService,
    private readonly comments: CommentsService,
    private readonly stages: StagesService,
    private readonly users: UsersService,
    readonly audit: AuditLog,
    private readonly realtime: RealtimeEmitter,
    private readonly events: DomainEvents,
  ) {}

  /** Runs `work` in a transaction, then its `later` tasks (failures logged, never thrown). */
  async transaction<T>(work: (tx: EntityManager, later: Later) => Promise<T>): Promise<T> {
    const tasks: (() => unknown)[] = [];
    const result = await this.db.transaction((tx) => work(tx, (task) => tasks.push(task)));
    for (const task of tasks) {
      try {
        await task();
      } catch (err) {
        this.logger.error(`after-commit task failed: ${String(err)}`);
      }
    }
    return result;
  }

  async setHidden(actor: AuthUser, albumId: string, hidden: boolean, reason: string | null): Promise<void> {
    await this.transaction((tx, later) => this.setHiddenIn(tx, later, actor, albumId, hidden, reason));
  }

  async setHiddenIn(
    tx: EntityManager,
    later: Later,
    actor: AuthUser,
    albumId: string,
    hidden: boolean,
    reason: string | null,
  ): Promise<ArtworkEntity> {
    if (hidden && !reason) throw AdminErrors.reasonRequired();
    const album = await this.artworks.setHidden(tx, albumId, hidden ? reason : null);
    await this.audit.record(
      tx,
      actor,
      hidden ? 'album.hide' : 'album.unhide',
      { kind: 'album', id: albumId },
      reason,
    );
    // Watchers other than the owner stop receiving its live updates (and may not watch again).
    if (hidden) later(() => this.realtime.evictRoom(ROOMS.album(albumId), [album.ownerId]));
    return album;
  }

  removeMessage(actor: AuthUser, messageId: string, reason: string | null): Promise<void> {
    return this.transaction((tx, later) => this.removeMessageIn(tx, later, actor, messageId, reason));
  }

  async removeMessageIn(
    tx: EntityManager,
    later: Later,
    actor: AuthUser,
    messageId: string,
    reason: string | null,
  ): Promise<void> {
    const message = await this.messages.removeByModerator(tx, messageId);
    await this.audit.record(tx, actor, 'message.remove', { kind: 'message', id: messageId }, reason);
    later(() => this.messages.announceRemoval(message));
  }

  /** Deletes it as its author would (a placeholder if it has replies); watchers hear it once committed. */
  async removeCommentIn(
    tx: EntityManager,
    later: Later,
    actor: AuthUser,
    commentId: string,
    reason: string | null,
  ): Promise<void> {
    const deletion = await this.comments.removeByModerator(tx, commentId);
    await this.audit.record(tx, actor, 'comment.remove', { kind: 'comment', id: commentId }, reason);
    later(() => this.comments.announceDeletion(deletion));
  }

  async setSuspension(
    actor: AuthUser,
    username: string,
    suspension: { reason: string; until: number | null } | null,
  ): Promise<UserEntity> {
    const user = await this.findUser(username);
    await this.transaction((tx, later) => this.setSuspensionIn(tx, later, actor, user, suspension));
    return (await this.users.findById(user.id))!;
  }

  async setSuspensionIn(
    tx: EntityManager,
    later: Later,
    actor: AuthUser,
    user: { id: string },
    suspension: { reason: string; until: number | null } | null,
  ): Promise<void> {
    if (user.id === actor.id) throw AdminErrors.moderateSelf();
    await this.users.setSuspension(tx, user.id, suspension);
    await this.audit.record(
      tx,
      actor,
      suspension ? 'user.suspend' : 'user.unsuspend',
      { kind: 'user', id: user.id },
      suspension?.reason ?? null,
    );
    // Search text and the lists' caches follow the painter.
    await this.events.publish(tx, 'painter.changed', { userId: user.id });
    if (!suspension) return;
    const albums = await tx.find(ArtworkEntity, { select: { id: true }, where: { ownerId: user.id } });
    later(() => {
      // authVersion was bumped and suspended sessions are refused, on every instance; the sockets
      // those sessions opened close now, everywhere (the Redis adapter carries it).
      this.realtime.disconnectUser(user.id);
      for (const a of albums) this.realtime.evictRoom(ROOMS.album(a.id), [user.id]);
    });
  }

  async setRole(actor: AuthUser, username: string, role: Role): Promise<UserEntity> {
    const user = await this.findUser(username);
    if (user.id === actor.id) throw AdminErrors.ownRole();
    await this.transaction(async (tx) => {
      await this.users.setRole(tx, user, role);
      await this.audit.record(tx, actor, 'user.role', { kind: 'user', id: user.id }, `role: ${role}`);
    });
    return user;
  }

  /** Marks the stage pending and queues its image job again, whatever its status. */
  async reprocess(actor: AuthUser, stageId: string): Promise<void> {
    const stage = await this.stages.findById(stageId);
    if (!stage) throw AdminErrors.stageNotFound();
    await this.transaction(async (tx, later) => {
      await tx.update(StageEntity, { id: stageId }, { status: 'pending', error: null, attempts: 0 });
      await this.events.publish(tx, 'stage.status', { artworkId: stage.albumId, stageId, status: 'pending' });
      await this.audit.record(tx, actor, 'stage.reprocess', { kind: 'stage', id: stageId }, null);
      later(() => this.stages.queue([stage]));
    });
  }

  async findUser(username: string): Promise<UserEntity> {
    const user = await this.users.findByUsername(username);
    if (!user) throw AdminErrors.userNotFound();
    return user;
  }
}
