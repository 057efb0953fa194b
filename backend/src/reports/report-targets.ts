import { Injectable } from '@nestjs/common';
import type { ReportTarget, ReportTargetPreview } from '@gallery/contracts';
import { ArtworkCards } from '../artworks/artwork-cards';
import { ArtworksService } from '../artworks/artworks.service';
import type { ArtworkEntity } from '../artworks/artwork.entity';
import { ConversationsService } from '../chat/conversations.service';
import type { CommentEntity } from '../comments/comment.entity';
import { CommentsService } from '../comments/comments.service';
import type { AuthUser } from '../common/auth-user';
import { StageMapper } from '../stages/stage.mapper';
import { StagesService } from '../stages/stages.service';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { ReportErrors } from './reports.errors';

const BODY_PREVIEW = 200;

/**
 * Who may report what, asked of the module that owns the target (so visibility rules live in one
 * place), and the preview a moderator sees. Anything the reporter cannot see is a 404, exactly
 * like a target that does not exist.
 */
@Injectable()
export class ReportTargets {
  constructor(
    private readonly artworks: ArtworksService,
    private readonly cards: ArtworkCards,
    private readonly stages: StagesService,
    private readonly stageMapper: StageMapper,
    private readonly users: UsersService,
    private readonly userMapper: UserMapper,
    private readonly conversations: ConversationsService,
    private readonly comments: CommentsService,
  ) {}

  /** The preview of a target the reporter can see; 404 otherwise. */
  async previewFor(reporter: AuthUser, target: ReportTarget): Promise<ReportTargetPreview> {
    const preview = await this.lookup(reporter, target);
    if (!preview) throw ReportErrors.targetNotFound();
    return preview;
  }

  private async lookup(reporter: AuthUser, { kind, id }: ReportTarget): Promise<ReportTargetPreview | null> {
    switch (kind) {
      case 'album': {
        const album = await this.artworks.findVisible(reporter, id);
        if (!album) return null;
        const [card] = await this.cards.byIds([id], reporter.id);
        return this.shape(
          album.title,
          card?.cover?.thumbUrl,
          this.userMapper.summary(album.owner),
          `/a/${id}`,
        );
      }
      case 'stage': {
        const stage = await this.stages.findById(id);
        const album = stage && (await this.artworks.findVisible(reporter, stage.albumId));
        if (!stage || !album) return null;
        const thumb = this.stageMapper.image(stage)?.thumbUrl;
        const owner = this.userMapper.summary(album.owner);
        return this.shape(stage.title || album.title, thumb, owner, stageLink(album.id, stage.position));
      }
      case 'message': {
        const message = await this.conversations.findReadableMessage(reporter, id);
        if (!message) return null;
        return { body: message.body.slice(0, BODY_PREVIEW), owner: this.userMapper.summary(message.sender) };
      }
      case 'user': {
        const user = await this.users.findById(id);
        if (!user) return null;
        const owner = this.userMapper.summary(user);
        return this.shape(user.displayName, owner.avatarUrl ?? undefined, owner, `/u/${user.username}`);
      }
      case 'comment': {
        const found = await this.comments.findReportable(reporter, id);
        if (!found) return null;
        return this.commentPreview(found.comment, found.album, reporter.id);
      }
    }
  }

  /**
   * What a moderator needs about a target, whoever can see it now: its preview, whose it is, and
   * the artwork it belongs to (artworks and stages). Null when it no longer exists.
   */
  async forModerator(
    target: ReportTarget,
  ): Promise<{ preview: ReportTargetPreview; ownerId: string; albumId: string | null } | null> {
    switch (target.kind) {
      case 'album': {
        const album = await this.artworks.findForModerator(target.id);
        if (!album) return null;
        const [card] = await this.cards.byIds([album.id], album.ownerId);
        const owner = this.userMapper.summary(album.owner);
        const preview = this.shape(album.title, card?.cover?.thumbUrl, owner, `/a/${album.id}`);
        return { preview, ownerId: album.ownerId, albumId: album.id };
      }
      case 'stage': {
        const stage = await this.stages.findById(target.id);
        const album = stage && (await this.artworks.findForModerator(stage.albumId));
        if (!stage || !album) return null;
        const thumb = this.stageMapper.image(stage)?.thumbUrl;
        const owner = this.userMapper.summary(album.owner);
        const link = stageLink(album.id, stage.position);
        const preview = this.shape(stage.title || album.title, thumb, owner, link);
        return { preview, ownerId: album.ownerId, albumId: album.id };
      }
      case 'message': {
        const message = await this.conversations.findMessage(target.id);
        if (!message) return null;
        const body = message.removedAt ? '(removed by a moderator)' : message.body.slice(0, BODY_PREVIEW);
        return {
          preview: { body, owner: this.userMapper.summary(message.sender) },
          ownerId: message.senderId,
          albumId: null,
        };
      }
      case 'user': {
        const user = await this.users.findById(target.id);
        if (!user) return null;
        const owner = this.userMapper.summary(user);
        return {
          preview: this.shape(user.displayName, owner.avatarUrl ?? undefined, owner, `/u/${user.username}`),
          ownerId: user.id,
          albumId: null,
        };
      }
      case 'comment': {
        const comment = await this.comments.findForModerator(target.id);
        const album = comment && (await this.artworks.findForModerator(comment.albumId));
        if (!comment || !album) return null;
        // No albumId: "hide" would hide the whole artwork for one comment; "remove" is the action.
        return {
          preview: await this.commentPreview(comment, album, album.ownerId),
          ownerId: comment.authorId,
          albumId: null,
        };
      }
    }
  }

  /**
   * A comment's text and author, titled by the artwork (and stage) it is on, with that stage's or
   * the artwork's thumbnail and a link to it on the artwork page (a reply links to its thread).
   */
  private async commentPreview(
    comment: CommentEntity,
    album: ArtworkEntity,
    viewerId: string,
  ): Promise<ReportTargetPreview> {
    const stage = comment.stageId ? await this.stages.findById(comment.stageId) : null;
    const [card] = stage ? [] : await this.cards.byIds([album.id], viewerId);
    const thumbUrl = stage ? this.stageMapper.image(stage)?.thumbUrl : card?.cover?.thumbUrl;
    const stageName = stage && (stage.title || `Stage ${stage.position + 1}`);
    const page = stage ? stageLink(album.id, stage.position) : `/a/${album.id}`;
    return {
      title: stageName ? `${album.title} · ${stageName}` : album.title,
      body: comment.deleted ? '(deleted)' : comment.body.slice(0, BODY_PREVIEW),
      owner: this.userMapper.summary(comment.author),
      link: `${page}#comment-${comment.parentId ?? comment.id}`,
      ...(thumbUrl ? { thumbUrl } : {}),
    };
  }

  /** Leaves out absent fields rather than sending nulls: the preview's fields are optional. */
  private shape(
    title: string,
    thumbUrl: string | undefined,
    owner: ReportTargetPreview['owner'],
    link: string,
  ): ReportTargetPreview {
    return { title, owner, link, ...(thumbUrl ? { thumbUrl } : {}) };
  }
}

/** The artwork page opened on a stage (`?stage=` counts from 1, as people do). */
const stageLink = (albumId: string, position: number): string => `/a/${albumId}?stage=${position + 1}`;
