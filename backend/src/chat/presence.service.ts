import { Injectable } from '@nestjs/common';
import { ROOMS, type UserSummary } from '@gallery/contracts';
import { SocketServer } from '../realtime/socket-server';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';

/**
 * Who is online, asked of the Socket.IO adapter itself: with Redis, fetchSockets() answers for
 * every api instance, so a user with tabs on two instances is one person, and nothing is left
 * "online" by a crashed instance (there is no counter to leak).
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly sockets: SocketServer,
    private readonly accounts: UsersService,
    private readonly users: UserMapper,
  ) {}

  /** Everyone with at least one socket, anywhere, as summaries sorted by name. */
  async online(): Promise<UserSummary[]> {
    const server = this.sockets.server;
    if (!server) return [];
    const ids = [...new Set((await server.in(ROOMS.public).fetchSockets()).map((s) => s.data.userId))];
    const users = await this.accounts.findByIds(ids);
    return users.map((u) => this.users.summary(u)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** How many sockets the user has across all instances. */
  async socketCount(userId: string): Promise<number> {
    const server = this.sockets.server;
    return server ? (await server.in(ROOMS.user(userId)).fetchSockets()).length : 0;
  }

  async summary(userId: string): Promise<UserSummary | null> {
    const user = await this.accounts.findById(userId);
    return user ? this.users.summary(user) : null;
  }
}
