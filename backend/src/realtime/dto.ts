import type { ClientToServerEvents } from '@gallery/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

type AlbumRoomPayload = Parameters<ClientToServerEvents['album:watch']>[0];

const albumIdRequired = { message: 'albumId is required' };

/** Payload of `album:watch` and `album:unwatch`. */
export class AlbumRoomDto implements AlbumRoomPayload {
  @IsString(albumIdRequired)
  @IsNotEmpty(albumIdRequired)
  @MaxLength(64, albumIdRequired)
  albumId!: string;
}
