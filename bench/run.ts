/**
 * `npm run bench -- <name>`: one entry point so `npm run bench` (root or workspace) lists what
 * exists instead of running everything; each benchmark takes minutes and owns the machine.
 */
const BENCHMARKS: Record<string, { about: string; run: () => Promise<unknown> }> = {
  pipeline: {
    about:
      "upload→ready throughput of Gallery's stage pipeline vs vipsthumbnail (embedded and Bull+Redis+S3)",
    run: async () => (await import('./pipeline/main')).main(),
  },
  read: {
    about: 'artwork, explore, painter page, search and feed reads vs a bare NestJS controller (same JSON)',
    run: async () => (await import('./read/main')).main(),
  },
  lookup: {
    about: 'image lookup (LookupService.find) at 100k stage fingerprints on MariaDB: p50/p95 of 1000 probes',
    run: async () => (await import('./lookup/main')).main(),
  },
  timelapse: {
    about: "a 12-stage process film at 1080 px through the backend's renderer: CPU seconds and bytes",
    run: async () => (await import('./timelapse/main')).main(),
  },
  // These two modules start their benchmark when loaded (they are also run directly by the
  // bench:search and bench:chat scripts), so importing them is running them.
  search: {
    about: 'search and explore at 100k artworks, 20 clients, on MariaDB (seeds a database first)',
    run: () => import('./search/run'),
  },
  notify: {
    about:
      'publishing by a painter with 10k followers: request latency vs none, all notifications written, p95 ≤ 5 s',
    run: async () => (await import('./notify/main')).main(),
  },
  scale: {
    about:
      'two apis and two workers on MariaDB, Redis and s3rver: a worker, Redis and an api killed mid-load; 1–3 apis; capacity figures',
    run: async () => (await import('./scale/main')).main(),
  },
  'chat-fanout': {
    about: 'public-room delivery latency at 200 and 1000 sockets vs a bare Socket.IO server',
    run: () => import('./chat-fanout/main'),
  },
  'chat-groups': {
    about:
      'group delivery latency, 100 groups of 50 at 10 msg/s, vs the public room with the same deliveries',
    run: async () => (await import('./chat-groups/main')).main(),
  },
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const bench = name ? BENCHMARKS[name] : undefined;
  if (!bench) {
    if (name) console.error(`Unknown benchmark "${name}".`);
    console.log('Usage: npm run bench -- <name>   (details in bench/README.md)\n');
    for (const [key, { about }] of Object.entries(BENCHMARKS)) console.log(`  ${key.padEnd(12)} ${about}`);
    console.log('\nHelpers (profiles, seeding, EXPLAIN): the bench:* scripts in bench/package.json.');
    process.exitCode = name ? 1 : 0;
    return;
  }
  await bench.run();
}

void main();
