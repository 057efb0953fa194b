import { SessionEntity } from '../session/session.entity';
import { UserEntity } from '../users/user.entity';

/** Every TypeORM entity; features add theirs here so migrations and both drivers see them. */
export const ENTITIES = [UserEntity, SessionEntity];
