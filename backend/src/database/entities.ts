import { ArtworkEntity } from '../artworks/artwork.entity';
import { ArtworkPaletteEntity } from '../artworks/artwork-palette.entity';
import { StageColorEntity } from '../stages/stage-color.entity';
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
  ArtworkEntity,
  StageEntity,
  StageColorEntity,
  ArtworkPaletteEntity,
  LikeEntity,
  FavoriteEntity,
  FollowEntity,
  ConversationEntity,
  MemberEntity,
  MessageEntity,
];
