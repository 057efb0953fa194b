import { Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import { SkipThrottle } from '@nestjs/throttler';
import { ROOMS, type Ack, type Message } from '@gallery/contracts';
import { AckExceptionFilter } from '../realtime/ack-exception.filter';
import type { GallerySocket } from '../realtime/socket-server';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import type { AuthUser } from '../common/auth-user';
import { ConversationsService } from './conversations.service';
import { ChatReadDto, ChatSendDto, ChatTypingDto } from './dto';
import { MessagesService } from './messages.service';
import { PresenceService } from './presence.service';
import { SESSION_GONE, SessionRecheck } from '../realtime/session-recheck';

/** At most one typing event per conversation per socket in this window. */
const TYPING_EVERY_MS = 1500;

/**
 * Chat over the realtime gateway's sockets (already authenticated at the handshake): joins each
 * socket to its conversations, keeps presence, and takes chat:send / chat:typing / chat:read.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
@UseFilters(AckExceptionFilter)
@SkipThrottle()
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');

  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    private readonly userMapper: UserMapper,
    private readonly sessions: SessionRecheck,
  ) {}

  /** Joins the socket to its conversations, sends the online list, and announces a first tab. */
  async handleConnection(socket: GallerySocket): Promise<void> {
    await this.bestEffort('connect', async () => {
      const { userId } = socket.data;
      const rooms = (await this.conversations.idsOf(userId)).map(ROOMS.conversation);
      await socket.join([ROOMS.public, ROOMS.user(userId), ...rooms]);
      socket.emit('presence:snapshot', await this.presence.online());
      if ((await this.presence.socketCount(userId)) === 1) {
        const user = await this.presence.summary(userId);
        if (user) socket.to(ROOMS.public).emit('presence:update', { user, online: true });
      }
    });
  }

  /** Announces that a user left once their last socket, on any instance, is gone. */
  async handleDisconnect(socket: GallerySocket): Promise<void> {
    await this.bestEffort('disconnect', async () => {
      const { userId } = socket.data;
      if ((await this.presence.socketCount(userId)) > 0) return;
      const user = await this.presence.summary(userId);
      if (user) socket.to(ROOMS.public).emit('presence:update', { user, online: false });
    });
  }

  /**
   * Nest does not await connection hooks, so a failure here would be an unhandled rejection.
   * Presence is best-effort: during a shutdown the adapter or database may already be closing.
   */
  private async bestEffort(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.logger.warn(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  @SubscribeMessage('chat:send')
  async send(
    @ConnectedSocket() socket: GallerySocket,
    @MessageBody() dto: ChatSendDto,
  ): Promise<Ack<{ message: Message }>> {
    if (!(await this.sessions.ensure(socket))) return SESSION_GONE;
    const message = await this.messages.send(
      await this.me(socket),
      dto.conversationId,
      dto.body,
      undefined,
      dto.replyToId,
    );
    return { ok: true, message };
  }

  @SubscribeMessage('chat:typing')
  async typing(
    @ConnectedSocket() socket: GallerySocket,
    @MessageBody() { conversationId }: ChatTypingDto,
  ): Promise<Ack> {
    const last = (socket.data as { typing?: Record<string, number> }).typing ?? {};
    if (Date.now() - (last[conversationId] ?? 0) < TYPING_EVERY_MS) return { ok: true };
    const me = await this.me(socket);
    await this.conversations.access(me, conversationId);
    (socket.data as { typing?: Record<string, number> }).typing = { ...last, [conversationId]: Date.now() };
    socket
      .to(ROOMS.conversation(conversationId))
      .emit('chat:typing', { conversationId, user: this.userMapper.summary(me) });
    return { ok: true };
  }

  @SubscribeMessage('chat:read')
  async read(@ConnectedSocket() socket: GallerySocket, @MessageBody() dto: ChatReadDto): Promise<Ack> {
    await this.messages.markRead(await this.me(socket), dto.conversationId, dto.messageId);
    return { ok: true };
  }

  private async me(socket: GallerySocket): Promise<AuthUser> {
    const user = await this.users.findById(socket.data.userId);
    if (!user) throw new Error('your account no longer exists');
    return user;
  }
}
