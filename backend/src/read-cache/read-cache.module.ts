import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { CachedReadInterceptor } from './cached-read';
import { BumpFailures } from './data-version.module';
import { ReadCache } from './read-cache';
import { ReadCacheLane } from './read-cache.lane';

/** The api's cache of signed-out reads: the store, the interceptor that fills it, the fast lane. */
@Global()
@Module({
  imports: [ThrottlingModule],
  providers: [ReadCache, CachedReadInterceptor, ReadCacheLane],
  exports: [ReadCache, CachedReadInterceptor, ReadCacheLane],
})
export class ReadCacheModule implements OnModuleInit {
  constructor(
    private readonly cache: ReadCache,
    private readonly failures: BumpFailures,
  ) {}

  onModuleInit(): void {
    this.failures.on(() => this.cache.clear());
  }
}
