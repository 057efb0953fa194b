import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ListCache } from './list-cache';
import { MysqlSearchIndex } from './mysql-search.index';
import { SearchIndex } from './search-index';
import { SqliteSearchIndex } from './sqlite-search.index';
import { SearchIndexer } from './search-indexer';

/** The search port, picked by the database in use; SearchIndexer keeps it up to date. */
@Global()
@Module({
  providers: [
    {
      provide: SearchIndex,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.database.kind === 'mysql' ? new MysqlSearchIndex() : new SqliteSearchIndex(),
    },
    SearchIndexer,
    ListCache,
  ],
  exports: [SearchIndex, SearchIndexer, ListCache],
})
export class SearchIndexModule {}
