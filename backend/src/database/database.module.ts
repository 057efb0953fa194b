import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { serializeTransactions } from './serialize-transactions';

/** The database port: SQLite file by default, MySQL/MariaDB when DATABASE_URL says so. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // Every module registers its own entities with forFeature; none are listed here.
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), autoLoadEntities: true }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        return options!.type === 'better-sqlite3' ? serializeTransactions(dataSource) : dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
