import { machineBusySeconds, selfCpuSeconds } from '../pipeline/machine';
import { sleep } from '../pipeline/proc';
import { closedLoop, percentile, type LoadResult } from '../search/load';
import { ChatLoad, ChatUser } from './chat';
import type { Balancer, Cluster } from './cluster';
import type { Settings } from './config';
import { cpuOf, diff, mariadbPid, redisCommands, rssOf } from './counters';
import type { User } from './user';

export interface ScaleRow {
  apis: number;
  readsPerS: number;
  readP50: number;
  readP99: number;
  readErrors: number;
  /** CPU ms per read: all apis, MariaDB (the server's whole process), Redis, the load client. */
  apiMsPerRead: number;
  dbMsPerRead: number;
  redisMsPerRead: number;
  clientMsPerRead: number;
  redisCallsPerRead: number;
  /** Cores busy meanwhile with processes that are not part of the run. */
  otherCores: number;
  deliveriesPerS: number;
  messagesPerS: number;
  fanoutLost: number;
  apiMsPerDelivery: number;
  redisPublishPerMessage: number;
  rssKiBPerSocket: number;
}

/**
 * The same shared parts (2 cores, MariaDB, one Redis) with 1, 2, 3 apis behind the balancer:
 * artwork reads from keep-alive clients spread evenly over the apis, then public-room fan-out
 * with sockets spread evenly and one sender per api sending as fast as acks come back.
 */
export async function measureInstances(
  cluster: Cluster,
  settings: Settings,
  count: number,
  artworkId: string,
  people: User[],
  balancer: Balancer,
): Promise<ScaleRow> {
  await cluster.stopApis();
  for (let i = 0; i < count; i++) await cluster.startApi();
  const urls = cluster.apis.map((a) => `${a.url}/api/albums/${artworkId}`);
  const dbPid = mariadbPid();
  const perApi = Math.max(1, Math.round(settings.readClients / count));
  const reads = (seconds: number): Promise<LoadResult[]> =>
    Promise.all(urls.map((url) => closedLoop(url, { clients: perApi, seconds, maxRequests: 0 })));

  await reads(2); // warm-up: JIT, prepared statements, connection pools
  const before = await sample(cluster, dbPid);
  const redisBefore = await redisCommands(cluster.redis.url);
  const results = await reads(settings.readSeconds);
  const after = await sample(cluster, dbPid);
  const redisCalls = diff(await redisCommands(cluster.redis.url), redisBefore);
  const ok = results.reduce((n, r) => n + r.latenciesMs.length, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const latencies = Float64Array.from(results.flatMap((r) => [...r.latenciesMs])).sort();
  const per = (a: number, b: number) => ((a - b) * 1000) / Math.max(1, ok);
  const ownCpu =
    after.apis - before.apis + after.db - before.db + after.redis - before.redis + after.self - before.self;

  // Fan-out: sockets round-robin over the apis, one sender on each.
  const chatRef: { load: ChatLoad | null } = { load: null };
  const sockets = people.slice(0, settings.fanoutSockets).map((user, i) => {
    balancer.assign(user.username, cluster.apis[i % count]!.name);
    return new ChatUser(
      i,
      user,
      (url) => balancer.nameOf(url),
      ChatLoad.receiver(() => chatRef.load),
    );
  });
  const rssBefore = await sumRss(cluster);
  for (let i = 0; i < sockets.length; i += 20)
    await Promise.all(sockets.slice(i, i + 20).map((s) => s.connect()));
  await sleep(2000); // presence storm of the connects
  const rssAfter = await sumRss(cluster);
  const load = new ChatLoad(sockets, sockets.slice(0, count));
  chatRef.load = load;
  const fBefore = await sample(cluster, dbPid);
  const fRedis = await redisCommands(cluster.redis.url);
  const t0 = Date.now();
  load.start({ closed: true, inFlight: 2 });
  await sleep(settings.fanoutSeconds * 1000);
  await load.stop();
  await load.settle(2000, 15_000);
  // Until the last delivery (settle returns 2 s after it): deliveries per second of the whole flow.
  const windowS = (Date.now() - 2000 - t0) / 1000;
  const fAfter = await sample(cluster, dbPid);
  const fCalls = diff(await redisCommands(cluster.redis.url), fRedis);
  chatRef.load = null;
  for (const s of sockets) s.close();
  const acked = load.sent.filter((m) => m.ok);
  const delivered = acked.reduce((n, m) => n + m.received.size, 0);
  const missed = acked.reduce(
    (n, m) => n + [...m.audience.keys()].filter((p) => !m.received.has(p)).length,
    0,
  );

  return {
    apis: count,
    readsPerS: ok / seconds,
    readP50: percentile(latencies, 0.5),
    readP99: percentile(latencies, 0.99),
    readErrors: results.reduce((n, r) => n + r.errors, 0),
    apiMsPerRead: per(after.apis, before.apis),
    dbMsPerRead: per(after.db, before.db),
    redisMsPerRead: per(after.redis, before.redis),
    clientMsPerRead: per(after.self, before.self),
    redisCallsPerRead: (redisCalls.total ?? 0) / Math.max(1, ok),
    otherCores: Math.max(0, (after.machine - before.machine - ownCpu) / seconds),
    deliveriesPerS: delivered / windowS,
    messagesPerS: acked.length / windowS,
    fanoutLost: missed,
    apiMsPerDelivery: ((fAfter.apis - fBefore.apis) * 1000) / Math.max(1, delivered),
    redisPublishPerMessage: (fCalls.publish ?? 0) / Math.max(1, acked.length),
    rssKiBPerSocket: (rssAfter - rssBefore) / 1024 / Math.max(1, sockets.length),
  };
}

async function sample(cluster: Cluster, dbPid: number | null) {
  const cpu = await cluster.cpu();
  return {
    apis: cpu.apis,
    redis: cpu.redis,
    db: await cpuOf(dbPid),
    self: selfCpuSeconds(),
    machine: await machineBusySeconds(),
  };
}

async function sumRss(cluster: Cluster): Promise<number> {
  return (await Promise.all(cluster.apis.map((a) => rssOf(a.proc.pid)))).reduce((a, b) => a + b, 0);
}
