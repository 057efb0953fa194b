import { AlbumEntity } from '../albums/album.entity';
import { AlbumPaletteEntity } from '../albums/album-palette.entity';
import { StageColorEntity } from '../albums/stage-color.entity';
import { ConversationEntity } from '../chat/conversation.entity';
import { MemberEntity } from '../chat/member.entity';
import { MessageEntity } from '../chat/message.entity';
import { FavoriteEntity } from '../social/favorite.entity';
import { FollowEntity } from '../social/follow.entity';
import { LikeEntity } from '../social/like.entity';
import { SessionEntity } from '../session/session.entity';
import { StageEntity } from '../stages/stage.entity';
import { UserEntity } from '../users/user.entity';

/** Every TypeORM entity; features add theirs here so migrations and both drivers see them. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  AlbumEntity,
  StageEntity,
  StageColorEntity,
  AlbumPaletteEntity,
  LikeEntity,
  FavoriteEntity,
  FollowEntity,
  ConversationEntity,
  MemberEntity,
  MessageEntity,
];
