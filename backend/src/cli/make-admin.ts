/**
 * Gives a user the admin role (or takes it away with --revoke):
 *   npm run make-admin -w backend -- <username> [--revoke]
 * Uses the same configuration as the api, so it works on SQLite and MySQL alike.
 */
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../config/load-or-exit';
import { dataSourceOptions } from '../database/data-source-options';
import { setRole } from '../users/set-role';
import { UserEntity } from '../users/user.entity';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const username = args.find((a) => !a.startsWith('--'))?.toLowerCase();
  if (!username) {
    console.error('usage: make-admin <username> [--revoke]');
    process.exit(2);
  }
  const role = args.includes('--revoke') ? 'user' : 'admin';
  const db = await new DataSource(dataSourceOptions(loadConfigOrExit().database, [UserEntity])).initialize();
  try {
    if (!(await setRole(db, username, role))) {
      console.error(`No user named ${username}`);
      process.exitCode = 1;
    } else {
      console.log(`${username} is now ${role === 'admin' ? 'an admin' : 'a regular user'}`);
    }
  } finally {
    await db.destroy();
  }
}

void main();
