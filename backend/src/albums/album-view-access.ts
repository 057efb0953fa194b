import { Injectable } from '@nestjs/common';
import { AlbumAccess } from '../realtime/album-access';
import { AlbumsService } from './albums.service';

/** Lets the realtime gateway ask who may watch an album live: the same rule as GET /albums/:id. */
@Injectable()
export class AlbumViewAccess extends AlbumAccess {
  constructor(private readonly albums: AlbumsService) {
    super();
  }

  canView(userId: string, albumId: string): Promise<boolean> {
    return this.albums.canView(userId, albumId);
  }
}
