import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BlockedUser } from '@gallery/contracts';
import { In, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { isUniqueViolation } from '../database/errors';
import { BlockEntity } from './block.entity';
import { UserErrors } from './user.errors';
import { UserMapper } from './user.mapper';
import { UsersService } from './users.service';

/** Painters blocking painters. The rules that follow from a block live with what they guard (chat, artworks). */
@Injectable()
export class BlocksService {
  constructor(
    @InjectRepository(BlockEntity) private readonly blocks: Repository<BlockEntity>,
    private readonly users: UsersService,
    private readonly mapper: UserMapper,
  ) {}

  async block(user: AuthUser, username: string): Promise<void> {
    const other = await this.users.findByUsername(username);
    if (!other) throw UserErrors.notFound();
    if (other.id === user.id) throw new AppError('CANNOT_BLOCK_SELF', 400, 'you cannot block yourself');
    await this.blocks
      .insert({ blockerId: user.id, blockedId: other.id, createdAt: Date.now() })
      .catch((err: unknown) => {
        if (!isUniqueViolation(err)) throw err;
      });
  }

  async unblock(user: AuthUser, username: string): Promise<void> {
    const other = await this.users.findByUsername(username);
    if (!other) throw UserErrors.notFound();
    await this.blocks.delete({ blockerId: user.id, blockedId: other.id });
  }

  /** Whom I blocked, most recent first. */
  async list(user: AuthUser): Promise<BlockedUser[]> {
    const rows = await this.blocks.find({ where: { blockerId: user.id }, order: { createdAt: 'DESC' } });
    const users = new Map((await this.users.findByIds(rows.map((r) => r.blockedId))).map((u) => [u.id, u]));
    return rows
      .filter((r) => users.has(r.blockedId))
      .map((r) => ({
        ...this.mapper.summary(users.get(r.blockedId)!),
        blockedAt: new Date(r.createdAt).toISOString(),
      }));
  }

  /** Whether `blockerId` blocked `blockedId`. */
  hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return this.blocks.existsBy({ blockerId, blockedId });
  }

  /** The ids `viewerId` blocked (to collapse their messages). */
  async blockedBy(viewerId: string): Promise<Set<string>> {
    const rows = await this.blocks.find({ select: { blockedId: true }, where: { blockerId: viewerId } });
    return new Set(rows.map((r) => r.blockedId));
  }

  /** Who blocked `blockedId` (the blocked-side index: usually no row at all). */
  async blockersOf(blockedId: string): Promise<string[]> {
    const rows = await this.blocks.find({ select: { blockerId: true }, where: { blockedId } });
    return rows.map((r) => r.blockerId);
  }

  /** 403 BLOCKED when any of `targetIds` blocked `actorId` (DMs, group invitations). */
  async refuseIfBlockedBy(actorId: string, targetIds: string[]): Promise<void> {
    if (!targetIds.length) return;
    const found = await this.blocks.existsBy({ blockerId: In(targetIds), blockedId: actorId });
    if (found) throw BlocksService.blockedError();
  }

  /** The 403 for an actor who was blocked (callers that already know, e.g. from a joined query). */
  static blockedError(): AppError {
    return new AppError('BLOCKED', 403, 'this painter does not accept messages or invitations from you');
  }
}
