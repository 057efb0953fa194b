import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ListCache } from './list-cache';
import { MysqlSearchIndex } from './mysql-search.index';
import { SearchIndex } from './search-index';
import { SqliteSearchIndex } from './sqlite-search.index';

/**
 * The search port, picked by the database in use. It knows no feature entities: the features
 * that own searchable text (artworks, users) put it here from their event listeners.
 */
@Global()
@Module({
  providers: [
    {
      provide: SearchIndex,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.database.kind === 'mysql' ? new MysqlSearchIndex() : new SqliteSearchIndex(),
    },
    ListCache,
  ],
  exports: [SearchIndex, ListCache],
})
export class SearchIndexModule {}
