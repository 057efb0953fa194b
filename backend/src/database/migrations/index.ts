import { AccountsMysql1763700000000 } from './1763700000000-accounts.mysql';
import { AccountsSqlite1763700000000 } from './1763700000000-accounts.sqlite';

/** Migrations in order, one list per dialect. Each feature appends its pair. */
export const SQLITE_MIGRATIONS = [AccountsSqlite1763700000000];
export const MYSQL_MIGRATIONS = [AccountsMysql1763700000000];
