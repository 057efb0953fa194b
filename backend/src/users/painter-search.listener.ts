import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events';
import { normalize } from '../search-index/normalize';
import { SearchIndex } from '../search-index/search-index';
import { UserEntity } from './user.entity';

/** Keeps a painter's searchable text (username, display name) in step with the account. */
@Injectable()
export class PainterSearchListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly index: SearchIndex,
  ) {}

  onModuleInit(): void {
    this.events.onInTransaction('painter.changed', async ({ userId }, tx) => {
      const user = await tx.findOneBy(UserEntity, { id: userId });
      if (!user) return;
      await this.index.putUser(tx, user.id, normalize(`${user.username} ${user.displayName}`).slice(0, 100));
    });
  }
}
