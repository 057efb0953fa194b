import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { CommentEntity } from '../comments/comment.entity';
import { DomainEvents } from '../events/domain-events';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobQueue } from '../queue/job-queue';
import { UserEntity } from '../users/user.entity';
import { NotificationsService, type NotifyInput } from './notifications.service';

/**
 * What becomes a notification: listens to the other features' domain events once they are
 * committed (no feature calls notifications), and runs the fan-out job for new artworks, which
 * may have thousands of followers to tell and so never runs in the request.
 */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly queue: JobQueue,
    private readonly dispatcher: JobDispatcher,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted('artwork.liked', ({ artworkId, userId }) =>
      this.toOwner(artworkId, { type: 'like', actorId: userId }),
    );
    this.events.onCommitted('artwork.favorited', ({ artworkId, userId }) =>
      this.toOwner(artworkId, { type: 'favorite', actorId: userId }),
    );
    this.events.onCommitted('painter.followed', ({ followerId, followeeId }) =>
      this.notifications.notify({ recipientId: followeeId, type: 'follow', actorId: followerId }),
    );
    this.events.onCommitted('comment.created', (event) => this.onComment(event));
    this.events.onCommitted('report.resolved', async ({ reporterIds, resolvedById }) => {
      for (const recipientId of reporterIds)
        await this.notifications.notify({ recipientId, type: 'report-resolved', actorId: resolvedById });
    });
    this.events.onCommitted('artwork.published', ({ artworkId, ownerId }) =>
      this.queue.add(
        'notify-followers',
        { albumId: artworkId, painterId: ownerId },
        `notify-followers:${artworkId}`,
      ),
    );
    this.dispatcher.register('notify-followers', async ({ albumId, painterId }) => {
      await this.notifications.fanOutNewArtwork(albumId, painterId);
    });
  }

  private async toOwner(albumId: string, what: Omit<NotifyInput, 'recipientId' | 'albumId'>): Promise<void> {
    const album = await this.db.manager.findOneBy(ArtworkEntity, { id: albumId });
    if (album) await this.notifications.notify({ ...what, recipientId: album.ownerId, albumId });
  }

  /**
   * A reply tells the comment's author ("reply"); any comment tells the painter ("comment"); an
   * @mention tells whoever is named, if they can see the artwork. Each person hears once.
   */
  private async onComment(event: {
    commentId: string;
    albumId: string;
    authorId: string;
    parentId: string | null;
    mentions: string[];
  }): Promise<void> {
    const album = await this.db.manager.findOneBy(ArtworkEntity, { id: event.albumId });
    if (!album) return;
    const told = new Set([event.authorId]);
    const base = { actorId: event.authorId, albumId: album.id, commentId: event.commentId };
    if (event.parentId) {
      const parent = await this.db.manager.findOneBy(CommentEntity, { id: event.parentId });
      if (parent && !told.has(parent.authorId)) {
        told.add(parent.authorId);
        await this.notifications.notify({ ...base, recipientId: parent.authorId, type: 'reply' });
      }
    }
    if (!told.has(album.ownerId)) {
      told.add(album.ownerId);
      await this.notifications.notify({ ...base, recipientId: album.ownerId, type: 'comment' });
    }
    if (!event.mentions.length) return;
    const named = await this.db.manager.findBy(UserEntity, { username: In(event.mentions) });
    for (const user of named) {
      if (told.has(user.id)) continue;
      if (album.visibility !== 'public' && user.id !== album.ownerId) continue;
      told.add(user.id);
      await this.notifications.notify({ ...base, recipientId: user.id, type: 'mention' });
    }
  }
}
