import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatReaction, Message, MessageQuote, ReactionCount } from '@gallery/contracts';
import { CHAT_REACTIONS } from '@gallery/contracts';
import { DataSource, In } from 'typeorm';
import { BlocksService } from '../users/blocks.service';
import { ChatMapper, type MessageWithSender } from './chat.mapper';
import { MessageEntity } from './message.entity';
import { PinEntity } from './pin.entity';
import { ReactionEntity } from './reaction.entity';

/**
 * Messages as the API shows them, with what lives in other rows: the quoted message of a reply
 * and the reactions. One query each per page, never per message.
 */
@Injectable()
export class MessageViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mapper: ChatMapper,
    private readonly blocks: BlocksService,
  ) {}

  /**
   * `viewerId` sets each reaction's `mine` and marks the messages of painters they blocked
   * (blockedSender); null for a socket event sent to a whole room.
   */
  async many(rows: MessageWithSender[], viewerId: string | null): Promise<Message[]> {
    if (!rows.length) return [];
    const replyIds = [...new Set(rows.map((r) => r.replyToId).filter((x): x is string => !!x))];
    const [quoted, reactions, blocked] = await Promise.all([
      replyIds.length ? this.quotes(replyIds) : new Map<string, MessageQuote>(),
      this.db.getRepository(ReactionEntity).find({
        where: { messageId: In(rows.map((r) => r.id)) },
        relations: { user: true },
        order: { createdAt: 'ASC' },
      }),
      viewerId ? this.blocks.blockedBy(viewerId) : new Set<string>(),
    ]);
    return rows.map((m) =>
      this.mapper.message(m, {
        replyTo: m.replyToId ? (quoted.get(m.replyToId) ?? null) : null,
        reactions: counts(
          reactions.filter((r) => r.messageId === m.id),
          viewerId,
        ),
        blocked,
      }),
    );
  }

  async one(row: MessageWithSender, viewerId: string | null): Promise<Message> {
    return (await this.many([row], viewerId))[0]!;
  }

  /** Quotes of these messages, by id (missing ids are left out). */
  async quotes(ids: string[]): Promise<Map<string, MessageQuote>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .getRepository(MessageEntity)
      .find({ where: { id: In(ids) }, relations: { sender: true } });
    return new Map(rows.map((r) => [r.id, this.mapper.quote(r)]));
  }

  /** Quotes of a group's pinned messages, first pinned first: one query. */
  async pinned(conversationId: string): Promise<MessageQuote[]> {
    const rows = await this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('msg')
      .innerJoin(PinEntity, 'pin', 'pin.messageId = msg.id')
      .innerJoinAndSelect('msg.sender', 'sender')
      .where('pin.conversationId = :conversationId', { conversationId })
      .orderBy('pin.pinnedAt', 'ASC')
      .getMany();
    return rows.map((r) => this.mapper.quote(r));
  }
}

/** Reactions grouped by emoji in the fixed set's order. */
function counts(rows: ReactionEntity[], viewerId: string | null): ReactionCount[] {
  const by = new Map<ChatReaction, ReactionEntity[]>();
  for (const r of rows) by.set(r.emoji, [...(by.get(r.emoji) ?? []), r]);
  return CHAT_REACTIONS.filter((e) => by.has(e)).map((emoji) => {
    const list = by.get(emoji)!;
    return {
      emoji,
      count: list.length,
      mine: !!viewerId && list.some((r) => r.userId === viewerId),
      users: list.map((r) => ({ id: r.userId, displayName: r.user.displayName })),
    };
  });
}
