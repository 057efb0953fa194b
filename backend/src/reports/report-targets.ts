import { Injectable } from '@nestjs/common';
import type { ReportTarget, ReportTargetPreview } from '@gallery/contracts';
import { ArtworkCards } from '../artworks/artwork-cards';
import { ArtworksService } from '../artworks/artworks.service';
import { ConversationsService } from '../chat/conversations.service';
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
        return this.shape(album.title, card?.cover?.thumbUrl, this.userMapper.summary(album.owner));
      }
      case 'stage': {
        const stage = await this.stages.findById(id);
        const album = stage && (await this.artworks.findVisible(reporter, stage.albumId));
        if (!stage || !album) return null;
        const thumb = this.stageMapper.image(stage)?.thumbUrl;
        return this.shape(stage.title || album.title, thumb, this.userMapper.summary(album.owner));
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
        return this.shape(user.displayName, owner.avatarUrl ?? undefined, owner);
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
        const preview = this.shape(album.title, card?.cover?.thumbUrl, this.userMapper.summary(album.owner));
        return { preview, ownerId: album.ownerId, albumId: album.id };
      }
      case 'stage': {
        const stage = await this.stages.findById(target.id);
        const album = stage && (await this.artworks.findForModerator(stage.albumId));
        if (!stage || !album) return null;
        const thumb = this.stageMapper.image(stage)?.thumbUrl;
        const preview = this.shape(stage.title || album.title, thumb, this.userMapper.summary(album.owner));
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
          preview: this.shape(user.displayName, owner.avatarUrl ?? undefined, owner),
          ownerId: user.id,
          albumId: null,
        };
      }
    }
  }

  /** Leaves out absent fields rather than sending nulls: the preview's fields are optional. */
  private shape(title: string, thumbUrl: string | undefined, owner: ReportTargetPreview['owner']) {
    return { title, owner, ...(thumbUrl ? { thumbUrl } : {}) };
  }
}
