import type { ClientToServerEvents } from '@gallery/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

type ArtworkRoomPayload = Parameters<ClientToServerEvents['album:watch']>[0];

const albumIdRequired = { message: 'albumId is required' };

/** Payload of `album:watch` and `album:unwatch`. */
export class ArtworkRoomDto implements ArtworkRoomPayload {
  @IsString(albumIdRequired)
  @IsNotEmpty(albumIdRequired)
  @MaxLength(64, albumIdRequired)
  albumId!: string;
}
