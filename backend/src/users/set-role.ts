import type { DataSource } from 'typeorm';
import type { Role } from '@gallery/contracts';
import { UserEntity } from './user.entity';

/** Sets a user's role; false when no such user. Used by the make-admin CLI. */
export async function setRole(db: DataSource, username: string, role: Role): Promise<boolean> {
  const result = await db.getRepository(UserEntity).update({ username: username.toLowerCase() }, { role });
  return (result.affected ?? 0) > 0;
}
