import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { DataVersion, MemoryDataVersion, RedisDataVersion } from './data-version';
import { watchWrites } from './write-watch';

/** Lets the api's cache forget its answers when a bump fails (ReadCache is absent in workers). */
@Injectable()
export class BumpFailures {
  private readonly listeners = new Set<() => void>();
  on(listener: () => void): void {
    this.listeners.add(listener);
  }
  emit(): void {
    for (const listener of this.listeners) listener();
  }
}

@Injectable()
class WriteWatch implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly version: DataVersion,
  ) {}

  onModuleInit(): void {
    watchWrites(this.dataSource, this.version);
  }
}

/**
 * The data version and the write watch that moves it, in every process that writes (apis and
 * workers): Redis when configured (several processes share the database), else this process.
 */
@Global()
@Module({
  providers: [
    BumpFailures,
    {
      provide: DataVersion,
      inject: [REDIS, BumpFailures],
      useFactory: (redis: RedisClient, failures: BumpFailures): DataVersion =>
        redis ? new RedisDataVersion(redis, () => failures.emit()) : new MemoryDataVersion(),
    },
    WriteWatch,
  ],
  exports: [DataVersion, BumpFailures],
})
export class DataVersionModule {}
