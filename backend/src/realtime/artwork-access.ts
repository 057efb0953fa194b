import { Injectable } from '@nestjs/common';

/**
 * Who may follow an album live. The albums module owns the answer (visibility, ownership,
 * share codes); the gateway only asks. Both "no such album" and "not yours to see" answer false,
 * so a watcher cannot probe which ids exist.
 */
export abstract class ArtworkAccess {
  /** True when `userId` may see album `albumId` and therefore receive its live updates. */
  abstract canView(userId: string, albumId: string): Promise<boolean>;
}

/** Until the albums module plugs in its own ArtworkAccess, there is no album anyone may watch. */
@Injectable()
export class NoArtworkAccess extends ArtworkAccess {
  canView(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
