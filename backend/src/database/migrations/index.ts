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
import { StagePinsMysql1763760000000 } from './1763760000000-stage-pins.mysql';
import { StagePinsSqlite1763760000000 } from './1763760000000-stage-pins.sqlite';
import { StageTilesMysql1763750000000 } from './1763750000000-stage-tiles.mysql';
import { StageTilesSqlite1763750000000 } from './1763750000000-stage-tiles.sqlite';
import { ReportsMysql1763750000000 } from './1763750000000-reports.mysql';
import { ReportsSqlite1763750000000 } from './1763750000000-reports.sqlite';
import { LookupMysql1763810000000 } from './1763810000000-lookup.mysql';
import { LookupSqlite1763810000000 } from './1763810000000-lookup.sqlite';
import { TimelapseMysql1763820000000 } from './1763820000000-timelapse.mysql';
import { TimelapseSqlite1763820000000 } from './1763820000000-timelapse.sqlite';
import { ChatFeaturesMysql1763830000000 } from './1763830000000-chat-features.mysql';
import { ChatFeaturesSqlite1763830000000 } from './1763830000000-chat-features.sqlite';
import { ModerationMysql1763830000000 } from './1763830000000-moderation.mysql';
import { ModerationSqlite1763830000000 } from './1763830000000-moderation.sqlite';
import { ConversationOrderMysql1763840000000 } from './1763840000000-conversation-order.mysql';
import { ConversationOrderSqlite1763840000000 } from './1763840000000-conversation-order.sqlite';
import { HueBandsMysql1763845000000 } from './1763845000000-hue-bands.mysql';
import { HueBandsSqlite1763845000000 } from './1763845000000-hue-bands.sqlite';
import { AlbumWordsMysql1763850000000 } from './1763850000000-album-words.mysql';
import { AlbumWordsSqlite1763850000000 } from './1763850000000-album-words.sqlite';
import { ProvenanceMysql1763800000000 } from './1763800000000-provenance.mysql';
import { ProvenanceSqlite1763800000000 } from './1763800000000-provenance.sqlite';
import { StorageDeletionsMysql1763750000000 } from './1763750000000-storage-deletions.mysql';
import { StorageDeletionsSqlite1763750000000 } from './1763750000000-storage-deletions.sqlite';
import { ConversationMysql1763830000000 } from './1763830000000-conversation.mysql';
import { ConversationSqlite1763830000000 } from './1763830000000-conversation.sqlite';

/**
 * Migrations in timestamp order, one list per dialect (TypeORM sorts by timestamp too, keeping this
 * order among equal ones). Those sharing a timestamp touch different tables or only add columns.
 */
export const SQLITE_MIGRATIONS = [
  AccountsSqlite1763700000000,
  ArtworksSqlite1763710000000,
  DiscoverySqlite1763720000000,
  ChatSqlite1763730000000,
  PaletteSqlite1763740000000,
  StageTilesSqlite1763750000000,
  ReportsSqlite1763750000000,
  StorageDeletionsSqlite1763750000000,
  StagePinsSqlite1763760000000,
  ProvenanceSqlite1763800000000,
  LookupSqlite1763810000000,
  TimelapseSqlite1763820000000,
  ConversationSqlite1763830000000,
  ChatFeaturesSqlite1763830000000,
  ModerationSqlite1763830000000,
  ConversationOrderSqlite1763840000000,
  HueBandsSqlite1763845000000,
  AlbumWordsSqlite1763850000000,
];
export const MYSQL_MIGRATIONS = [
  AccountsMysql1763700000000,
  ArtworksMysql1763710000000,
  DiscoveryMysql1763720000000,
  ChatMysql1763730000000,
  PaletteMysql1763740000000,
  StageTilesMysql1763750000000,
  ReportsMysql1763750000000,
  StorageDeletionsMysql1763750000000,
  StagePinsMysql1763760000000,
  ProvenanceMysql1763800000000,
  LookupMysql1763810000000,
  TimelapseMysql1763820000000,
  ConversationMysql1763830000000,
  ChatFeaturesMysql1763830000000,
  ModerationMysql1763830000000,
  ConversationOrderMysql1763840000000,
  HueBandsMysql1763845000000,
  AlbumWordsMysql1763850000000,
];
