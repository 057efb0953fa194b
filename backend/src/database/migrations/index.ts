import { AccountsMysql1763700000000 } from './1763700000000-accounts.mysql';
import { AccountsSqlite1763700000000 } from './1763700000000-accounts.sqlite';
import { ArtworksMysql1763710000000 } from './1763710000000-artworks.mysql';
import { ArtworksSqlite1763710000000 } from './1763710000000-artworks.sqlite';
import { ChatMysql1763730000000 } from './1763730000000-chat.mysql';
import { ChatSqlite1763730000000 } from './1763730000000-chat.sqlite';
import { DiscoveryMysql1763720000000 } from './1763720000000-discovery.mysql';
import { PaletteMysql1763740000000 } from './1763740000000-palette.mysql';
import { PaletteSqlite1763740000000 } from './1763740000000-palette.sqlite';
import { DiscoverySqlite1763720000000 } from './1763720000000-discovery.sqlite';
import { ConversationMysql1763800000000 } from './1763800000000-conversation.mysql';
import { ConversationSqlite1763800000000 } from './1763800000000-conversation.sqlite';

/** Migrations in order, one list per dialect. Each feature appends its pair. */
export const SQLITE_MIGRATIONS = [
  AccountsSqlite1763700000000,
  ArtworksSqlite1763710000000,
  DiscoverySqlite1763720000000,
  ChatSqlite1763730000000,
  PaletteSqlite1763740000000,
  ConversationSqlite1763800000000,
];
export const MYSQL_MIGRATIONS = [
  AccountsMysql1763700000000,
  ArtworksMysql1763710000000,
  DiscoveryMysql1763720000000,
  ChatMysql1763730000000,
  PaletteMysql1763740000000,
  ConversationMysql1763800000000,
];
