import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import type { DomainEventMap, DomainEventName } from './event-map';

/** Runs inside the publisher's transaction: derived rows that must commit with the change. */
export type InTransactionHandler<K extends DomainEventName> = (
  payload: DomainEventMap[K],
  tx: EntityManager,
) => Promise<void>;

/** Runs once the change is committed (or at once outside a transaction): caches, sockets, jobs. */
export type CommittedHandler<K extends DomainEventName> = (payload: DomainEventMap[K]) => unknown;

type Pending = () => unknown;

/**
 * A small typed, transaction-aware event bus. `publish(tx, …)` runs the in-transaction handlers
 * with the publisher's EntityManager, then holds the committed handlers until TypeORM reports the
 * transaction's commit (dropping them on rollback), so no listener ever acts on data a reader
 * cannot see yet. A committed handler's failure is logged, never thrown into the publisher: the
 * change itself already happened.
 */
@Injectable()
export class DomainEvents implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('DomainEvents');
  private readonly inTransaction = new Map<DomainEventName, InTransactionHandler<never>[]>();
  private readonly committed = new Map<DomainEventName, CommittedHandler<never>[]>();
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Registers a handler that runs inside the publisher's transaction. */
  onInTransaction<K extends DomainEventName>(name: K, handler: InTransactionHandler<K>): void {
    this.list(this.inTransaction, name).push(handler as InTransactionHandler<never>);
  }

  /** Registers a handler that runs after the publisher's transaction commits. */
  onCommitted<K extends DomainEventName>(name: K, handler: CommittedHandler<K>): void {
    this.list(this.committed, name).push(handler as CommittedHandler<never>);
  }

  async publish<K extends DomainEventName>(
    tx: EntityManager,
    name: K,
    payload: DomainEventMap[K],
  ): Promise<void> {
    for (const handler of this.inTransaction.get(name) ?? []) {
      await (handler as InTransactionHandler<K>)(payload, tx);
    }
    const handlers = (this.committed.get(name) ?? []) as CommittedHandler<K>[];
    if (!handlers.length) return;
    const run = () => this.runCommitted(name, handlers, payload);
    const runner = tx.queryRunner;
    if (runner?.isTransactionActive) {
      const queue = this.pending.get(runner) ?? [];
      queue.push(run);
      this.pending.set(runner, queue);
    } else {
      await run();
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const queue = this.pending.get(event.queryRunner);
    if (!queue) return;
    this.pending.delete(event.queryRunner);
    for (const run of queue) void run();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  private async runCommitted<K extends DomainEventName>(
    name: K,
    handlers: CommittedHandler<K>[],
    payload: DomainEventMap[K],
  ): Promise<void> {
    for (const handler of handlers) {
      try {
        await handler(payload);
      } catch (err) {
        this.logger.warn(`${name} listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private list<H>(map: Map<DomainEventName, H[]>, name: DomainEventName): H[] {
    let handlers = map.get(name);
    if (!handlers) map.set(name, (handlers = []));
    return handlers;
  }
}
