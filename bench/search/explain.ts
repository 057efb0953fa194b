import { Api } from './api';
import { databaseUrl, loadConfig } from './config';
import { connect, databaseExists, type Conn } from './db';
import { writeJson } from './report';
import { scenarios } from './scenarios';
import { SqlTrace } from './sql-trace';

/**
 * `npm run bench:search-explain -w bench` (after seeding with BENCH_KEEP=1 or seed.ts): sends each
 * scenario's request once through a SQL-recording proxy, then times every SELECT the api issued
 * on its own (median of 3, no concurrency) and prints MariaDB's ANALYZE of it: where a request's
 * database time goes, and the evidence for an index or query change.
 */
interface Analysed {
  sql: string;
  ms: number;
  plan: string[];
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!(await databaseExists(config.serverUrl, config.database))) {
    throw new Error(`${config.database} is missing: run seed.ts (or the benchmark with BENCH_KEEP=1) first`);
  }
  const server = new URL(config.serverUrl);
  const trace = await SqlTrace.start({ host: server.hostname, port: Number(server.port || 3306) });
  const viaTrace = new URL(databaseUrl(config));
  viaTrace.host = `127.0.0.1:${trace.port}`;
  const api = await Api.start(config.backendMain, viaTrace.toString());
  const conn = await connect(databaseUrl(config));
  const report: { name: string; path: string; statements: Analysed[] }[] = [];
  try {
    for (const s of await scenarios(api.baseUrl, config.only)) {
      await get(api.baseUrl + s.path); // warm: caches and the api's lazy paths
      trace.take();
      await get(api.baseUrl + s.path);
      const selects = trace.take().filter((sql) => /^\s*SELECT/i.test(sql));
      const statements: Analysed[] = [];
      for (const sql of selects)
        statements.push({ sql, ms: await medianMs(conn, sql), plan: await analyze(conn, sql) });
      report.push({ name: s.name, path: s.path, statements });
      const total = statements.reduce((sum, st) => sum + st.ms, 0);
      console.log(`\n## ${s.name}  (${statements.length} SELECTs, ${total.toFixed(1)} ms alone)`);
      for (const st of statements) {
        console.log(
          `  ${st.ms.toFixed(2).padStart(8)} ms  ${st.sql.length > 260 ? `${st.sql.slice(0, 260)}…` : st.sql}`,
        );
        for (const line of st.plan) console.log(`               ${line}`);
      }
    }
  } finally {
    await conn.end();
    await api.stop();
    await trace.close();
  }
  console.log(
    `\nJSON: ${writeJson(config, { date: new Date().toISOString(), explain: report }, 'search-explain')}`,
  );
}

async function get(url: string): Promise<void> {
  const res = await fetch(url, { headers: { 'x-forwarded-for': '10.79.0.1' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
}

async function medianMs(conn: Conn, sql: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await conn.query(sql);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** ANALYZE (runs the statement): per table the access path, estimated vs real rows, and extras. */
async function analyze(conn: Conn, sql: string): Promise<string[]> {
  const [rows] = await conn.query(`ANALYZE ${sql}`);
  return (rows as Record<string, string | number | null>[]).map(
    (r) =>
      `${r.table} ${r.type} key=${r.key ?? '-'} rows=${r.rows} r_rows=${r.r_rows} filtered=${r.r_filtered}% ${r.Extra ?? ''}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
