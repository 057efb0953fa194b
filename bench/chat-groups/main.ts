/**
 * `npm run bench -- chat-groups`: delivery latency of group messages (100 groups of 50, 10 msg/s
 * across them) against the public room carrying the same deliveries, in one run on one api.
 * Sockets, timing, the client process and the api come from chat-fanout. See bench/README.md.
 */
import { cpus, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../chat-fanout/config';
import { ensureFdLimit } from '../chat-fanout/fd-limit';
import { cpuSeconds, machineBusySeconds, waitForQuiet } from '../chat-fanout/proc';
import type { ClientResult, SendTarget } from '../chat-fanout/protocol';
import { writeResults } from '../chat-fanout/report';
import { runClient } from '../chat-fanout/run-client';
import { startGallery, type Target } from '../chat-fanout/servers';
import { registerAccounts } from '../chat-fanout/users';
import { createGroups, drawMemberships } from './seed';

/** The issue's goal: group p99 within this factor of the public room's. */
const GOAL_RATIO = 1.3;

function whole(name: string, fallback: number): number {
  const value = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

interface Run {
  kind: 'public' | 'groups';
  repetition: number;
  client: ClientResult;
  lost: number;
  serverCpuMsPerMessage: number;
  otherLoad: number;
}

export async function main(): Promise<void> {
  const fanout = loadConfig();
  const groups = whole('CHAT_GROUPS_GROUPS', 100);
  const size = whole('CHAT_GROUPS_MEMBERS', 50);
  const users = whole('CHAT_GROUPS_USERS', 1000);
  const rate = whole('CHAT_GROUPS_RATE', 10);
  const seconds = whole('CHAT_GROUPS_SECONDS', 10);
  const repeat = whole('CHAT_GROUPS_REPEAT', 2);
  if ((await ensureFdLimit(users + 256)) === 'delegated') return;
  console.log(
    `Chat groups: ${groups} groups of ${size} over ${users} users (one socket each), ${rate} msg/s for ` +
      `${seconds} s spread over the groups, against the public room with ${size} sockets at ${rate} msg/s ` +
      `(the same ${size} deliveries per message); ${repeat}× each, alternating; ${cpus().length} cores, Node ${process.version}`,
  );
  const root = await mkdtemp(join(tmpdir(), 'gallery-bench-groups-'));
  let gallery: Target | null = null;
  try {
    gallery = await startGallery(fanout, root);
    console.log(`▶ Gallery api up at ${gallery.url} (embedded: SQLite, in-memory adapter)`);
    let started = Date.now();
    const accounts = await registerAccounts(gallery.url, users, fanout.registerConcurrency, (done) =>
      console.log(`    ${done}/${users} users registered`),
    );
    console.log(`  ${users} users registered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    const made = await createGroups(gallery.url, accounts, drawMemberships(users, groups, size));
    console.log(`  ${groups} groups created in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cookies = accounts.map((a) => a.cookie);
    const groupTargets: SendTarget[] = made.map((g) => ({
      conversationId: g.id,
      sender: g.members[0]!,
      receivers: g.members,
    }));
    const runs: Run[] = [];
    for (let repetition = 1; repetition <= repeat; repetition++) {
      // The public room's sockets: the first group's members, so the same accounts as one group.
      runs.push(
        await measure('public', repetition, gallery, cookies.slice(0, size), undefined, rate, seconds),
      );
      runs.push(await measure('groups', repetition, gallery, cookies, groupTargets, rate, seconds));
    }

    const median = (values: number[]) => {
      const sorted = [...values].sort((x, y) => x - y);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const p99 = (kind: Run['kind']) =>
      median(runs.filter((r) => r.kind === kind).map((r) => r.client.latencyMs.p99));
    const ratio = p99('groups') / p99('public');
    console.log('');
    console.log(
      'run        sockets  deliveries   p50 ms   p95 ms   p99 ms   max ms  lost  server CPU ms/msg  other load',
    );
    for (const r of runs) {
      const l = r.client.latencyMs;
      console.log(
        `${`${r.kind} #${r.repetition}`.padEnd(10)} ${String(r.client.sockets).padStart(7)} ${String(r.client.deliveriesExpected).padStart(11)} ` +
          `${l.p50.toFixed(1).padStart(8)} ${l.p95.toFixed(1).padStart(8)} ${l.p99.toFixed(1).padStart(8)} ${l.max.toFixed(1).padStart(8)} ` +
          `${String(r.lost).padStart(5)} ${r.serverCpuMsPerMessage.toFixed(2).padStart(18)} ${`${Math.round(r.otherLoad * 100)} %`.padStart(11)}`,
      );
    }
    const lost = runs.reduce((sum, r) => sum + r.lost, 0);
    console.log(
      `\nGoal (groups p99 ≤ ${GOAL_RATIO}× public room p99, nothing lost): ${ratio <= GOAL_RATIO && lost === 0 ? 'met' : 'MISSED'} — ` +
        `median p99 ${p99('groups').toFixed(1)} ms vs ${p99('public').toFixed(1)} ms, ratio ${ratio.toFixed(2)}×, lost ${lost}`,
    );
    const file = await writeResults(
      fanout.resultsDir,
      {
        benchmark: 'chat-groups',
        date: new Date().toISOString(),
        machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
        settings: { groups, size, users, rate, seconds, repeat },
        goal: { ratio: GOAL_RATIO, lost: 0 },
        ratio,
        runs,
      },
      'chat-groups',
    );
    console.log(`\nResults: ${file}`);
  } finally {
    await gallery?.stop().catch(() => {});
    await rm(root, { recursive: true, force: true });
  }
}

/** One run in a fresh client process, after waiting for a quiet machine; server CPU over the window. */
async function measure(
  kind: Run['kind'],
  repetition: number,
  target: Target,
  cookies: string[],
  targets: SendTarget[] | undefined,
  rate: number,
  seconds: number,
): Promise<Run> {
  console.log(`▶ ${kind} #${repetition}: ${cookies.length} sockets`);
  const busy = await waitForQuiet(0.15, whole('CHAT_GROUPS_QUIET_WAIT_S', 60) * 1000);
  if (busy >= 0.15) console.warn(`  ⚠ machine still ${Math.round(busy * 100)} % busy; running anyway`);
  const samples: { server: number; machine: number }[] = [];
  const client = await runClient(
    {
      url: target.url,
      cookies,
      rate,
      messages: rate * seconds,
      // Every group gets its warm-up message: each group's first send pays for cold caches.
      warmupMessages: Math.max(20, targets?.length ?? 0),
      connectConcurrency: 25,
      drainIdleMs: 3000,
      ...(targets ? { targets } : {}),
    },
    {
      onWindow: async () => {
        samples.push({ server: await cpuSeconds(target.pid), machine: await machineBusySeconds() });
        await target.toggleWindow();
      },
    },
  );
  const [before, after] = samples as [(typeof samples)[0], (typeof samples)[0]];
  const server = after.server - before.server;
  const others = after.machine - before.machine - server - client.clientCpuSeconds;
  const run: Run = {
    kind,
    repetition,
    client,
    lost: client.deliveriesExpected - client.deliveriesReceived,
    serverCpuMsPerMessage: (server * 1000) / client.messagesSent,
    otherLoad: Math.max(0, others / client.windowSeconds / cpus().length),
  };
  const l = client.latencyMs;
  console.log(
    `  p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; lost ${run.lost}; ` +
      `ack p50 ${client.ackMs.p50.toFixed(1)} ms; connect ${client.connectSeconds.toFixed(1)} s; other load ${Math.round(run.otherLoad * 100)} %`,
  );
  if (client.ackErrors.length) console.warn(`  ⚠ send errors: ${client.ackErrors.join('; ')}`);
  return run;
}
