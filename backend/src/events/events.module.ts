import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events';

/** The domain event bus, one per process; listeners register in their own modules' onModuleInit. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
