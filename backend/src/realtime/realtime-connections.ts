import { Injectable } from '@nestjs/common';

/**
 * Which users have sockets on this api instance, and how many. The seam for presence (the chat
 * issue), which will have to make "online" correct across instances; this only counts locally.
 */
@Injectable()
export class RealtimeConnections {
  private readonly socketsByUser = new Map<string, Set<string>>();

  /** Records a connected socket; true when it is the user's first one here. */
  add(userId: string, socketId: string): boolean {
    const sockets = this.socketsByUser.get(userId) ?? new Set<string>();
    sockets.add(socketId);
    this.socketsByUser.set(userId, sockets);
    return sockets.size === 1;
  }

  /** Forgets a socket; true when it was the user's last one here. */
  remove(userId: string, socketId: string): boolean {
    const sockets = this.socketsByUser.get(userId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    this.socketsByUser.delete(userId);
    return true;
  }

  /** Users with at least one socket on this instance. */
  userIds(): string[] {
    return [...this.socketsByUser.keys()];
  }
}
