/**
 * `npm run bench -- <name>`: one entry point so `npm run bench` (root or workspace) lists what
 * exists instead of running everything; each benchmark takes minutes and owns the machine.
 */
const BENCHMARKS: Record<string, { about: string; run: () => Promise<void> }> = {
  pipeline: {
    about:
      "upload→ready throughput of Gallery's stage pipeline vs vipsthumbnail (embedded and Bull+Redis+S3)",
    run: async () => (await import('./pipeline/main')).main(),
  },
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const bench = name ? BENCHMARKS[name] : undefined;
  if (!bench) {
    if (name) console.error(`Unknown benchmark "${name}".`);
    console.log('Usage: npm run bench -- <name>   (details in bench/README.md)\n');
    for (const [key, { about }] of Object.entries(BENCHMARKS)) console.log(`  ${key.padEnd(10)} ${about}`);
    process.exitCode = name ? 1 : 0;
    return;
  }
  await bench.run();
}

void main();
