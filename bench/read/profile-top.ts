import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Where the api's time went in a READ_BENCH_PROFILE run: inclusive time of the frames that name a
 * cost (middleware, ORM, serialisation…), and the busiest functions by self time. Takes a profile
 * file (one per path) as its argument; without one, the newest in bench/results/read-profile.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
const dir = join(__dirname, '../results/read-profile');
const file =
  process.argv[2] ??
  join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => a.t - b.t)
      .at(-1)!.f,
  );
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/backend\/dist\//, 'gallery/');
  return `${n.callFrame.functionName || '(anon)'} ${url.split('/').slice(0, 2).join('/')}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === '(idle)') return;
  busy += ms;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
    seen.add(l);
  }
});
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log(`${basename(file)}: busy ${busy.toFixed(0)} ms`);
console.log('\nInclusive (top 45):\n' + top(inclusive, 45).join('\n'));
console.log('\nSelf (top 25):\n' + top(self, 25).join('\n'));
