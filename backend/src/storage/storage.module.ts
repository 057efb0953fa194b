import { Global, Module } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { LocalDiskStorage } from './local-disk.storage';
import { MediaController } from './media.controller';
import { MediaStorage } from './media-storage';
import { S3Storage } from './s3.storage';

/** Picks the adapter once, at start-up, from configuration; feature code only sees MediaStorage. */
export function createMediaStorage(config: AppConfig): MediaStorage {
  const storage = config.storage;
  switch (storage.kind) {
    case 'local':
      return new LocalDiskStorage(storage.dir);
    case 's3':
      return new S3Storage(storage);
  }
}

/**
 * Provides the storage port to every module (global: images are needed by albums, stages,
 * users and chat alike) and serves stored files under /api/media.
 */
@Global()
@Module({
  controllers: [MediaController],
  providers: [{ provide: MediaStorage, inject: [AppConfig], useFactory: createMediaStorage }],
  exports: [MediaStorage],
})
export class StorageModule {}
