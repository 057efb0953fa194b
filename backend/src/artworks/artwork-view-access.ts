import { Injectable } from '@nestjs/common';
import { ArtworkAccess } from '../realtime/artwork-access';
import { ArtworksService } from './artworks.service';

/** Lets the realtime gateway ask who may watch an album live: the same rule as GET /albums/:id. */
@Injectable()
export class ArtworkViewAccess extends ArtworkAccess {
  constructor(private readonly albums: ArtworksService) {
    super();
  }

  canView(userId: string, albumId: string): Promise<boolean> {
    return this.albums.canView(userId, albumId);
  }
}
