import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process (api or worker), with Node's default metrics: heap, event-loop lag, GC. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'gallery_' });

export const httpDuration = new Histogram({
  name: 'gallery_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'gallery_job_duration_seconds',
  help: 'Job attempt duration by job name and outcome',
  labelNames: ['job', 'outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

export const jobsTotal = new Counter({
  name: 'gallery_jobs_total',
  help: 'Job attempts by job name and outcome',
  labelNames: ['job', 'outcome'],
  registers: [registry],
});

export const readCacheTotal = new Counter({
  name: 'gallery_read_cache_total',
  help: 'Signed-out reads answered from the read cache (hit) and answers kept for it (stored)',
  labelNames: ['result'],
  registers: [registry],
});

type QueueCounts = { waiting: number; active: number; failed: number; delayed: number };

/** Queues and socket servers of this process (several in tests: one per app), read at scrape time. */
export const queueSources = new Set<() => Promise<QueueCounts>>();
export const socketSources = new Set<() => number>();

new Gauge({
  name: 'gallery_queue_jobs',
  help: 'Media queue jobs by state (waiting, active, failed, delayed)',
  labelNames: ['state'],
  registers: [registry],
  async collect() {
    this.reset();
    for (const source of queueSources) {
      const counts = await source().catch(() => null);
      if (!counts) continue;
      for (const state of ['waiting', 'active', 'failed', 'delayed'] as const)
        this.inc({ state }, counts[state]);
    }
  },
});

new Gauge({
  name: 'gallery_sockets_connected',
  help: 'Socket.IO connections on this instance',
  registers: [registry],
  collect() {
    let n = 0;
    for (const source of socketSources) n += source();
    this.set(n);
  },
});
