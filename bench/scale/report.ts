import type { Capacity } from './capacity';
import type { FaultRow } from './faults';
import type { ScaleRow } from './scaleout';

const pad = (v: string | number, w: number): string => String(v).padStart(w);
const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');

export function printFaults(rows: FaultRow[]): void {
  console.log(
    '\nphase           | uploads accepted refused ready lost stuck failed recover s | chat sent ack-failed cross-instance delivered/expected lost recover s | sign-ins reconnects',
  );
  for (const r of rows) {
    console.log(
      `${r.phase.padEnd(15)} | ${pad(r.uploadsAccepted, 16)} ${pad(r.uploadsRefused, 7)} ${pad(r.ready, 5)} ${pad(r.lost, 4)} ${pad(r.stuck, 5)} ${pad(r.failed, 6)} ${pad(f(r.uploadRecoverS), 9)} | ` +
        `${pad(r.chatSent, 9)} ${pad(r.chatAckFailed, 10)} ${pad(`${r.crossDelivered}/${r.crossExpected}`, 34)} ${pad(r.chatLost, 4)} ${pad(f(r.chatRecoverS), 9)} | ${pad(r.signIns, 8)} ${pad(r.reconnects, 10)}`,
    );
  }
  for (const r of rows)
    if (r.refusedReasons.length)
      console.log(`  ${r.phase}: refused uploads: ${r.refusedReasons.slice(0, 4).join('; ')}`);
}

export function printScale(rows: ScaleRow[]): void {
  console.log(
    '\napis | artwork reads/s  p50 ms  p99 ms  errors | CPU ms/read api   db  redis client | redis calls/read | other cores | fan-out deliveries/s  msgs/s  lost  api CPU µs/delivery  PUBLISH/msg  KiB/socket',
  );
  const base = rows[0];
  for (const r of rows) {
    const x = base ? ` (${f(r.readsPerS / base.readsPerS, 2)}×)` : '';
    const y = base ? ` (${f(r.deliveriesPerS / base.deliveriesPerS, 2)}×)` : '';
    console.log(
      `${pad(r.apis, 4)} | ${pad(f(r.readsPerS, 0) + x, 15)} ${pad(f(r.readP50), 7)} ${pad(f(r.readP99), 7)} ${pad(r.readErrors, 7)} | ` +
        `${pad(f(r.apiMsPerRead, 2), 16)} ${pad(f(r.dbMsPerRead, 2), 4)} ${pad(f(r.redisMsPerRead, 2), 6)} ${pad(f(r.clientMsPerRead, 2), 6)} | ${pad(f(r.redisCallsPerRead, 1), 16)} | ${pad(f(r.otherCores, 2), 11)} | ` +
        `${pad(f(r.deliveriesPerS, 0) + y, 20)} ${pad(f(r.messagesPerS, 0), 7)} ${pad(r.fanoutLost, 5)} ${pad(f(r.apiMsPerDelivery * 1000, 1), 20)} ${pad(f(r.redisPublishPerMessage, 2), 12)} ${pad(f(r.rssKiBPerSocket, 1), 11)}`,
    );
  }
}

export function printCapacity(c: Capacity): void {
  const tables = (rows: Record<string, number>) =>
    Object.entries(rows)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${f(n, 2)}`)
      .join(', ');
  const calls = (rows: Record<string, number>) =>
    Object.entries(rows)
      .filter(([k]) => k !== 'total')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([t, n]) => `${t} ${f(n, 1)}`)
      .join(', ');
  console.log(
    `\nper chat message (${c.chat.units} messages, ${c.chat.audience} people in the room, ${f(c.chat.deliveries, 1)} deliveries each):`,
  );
  console.log(
    `  database rows written ${f(c.chat.rowsTotal, 2)} (index entries ${f(c.chat.indexRowsTotal, 2)}, rows read ${f(c.chat.rowsReadTotal, 1)}): ${tables(c.chat.rows)}`,
  );
  console.log(`  Redis calls ${f(c.chat.redisCalls.total ?? 0, 1)}: ${calls(c.chat.redisCalls)}`);
  console.log(`per 12 MP upload (${c.upload.units} photos, every job they cause):`);
  console.log(
    `  database rows written ${f(c.upload.rowsTotal, 1)} (index entries ${f(c.upload.indexRowsTotal, 1)}, rows read ${f(c.upload.rowsReadTotal, 0)}): ${tables(c.upload.rows)}`,
  );
  console.log(`  Redis calls ${f(c.upload.redisCalls.total ?? 0, 0)}: ${calls(c.upload.redisCalls)}`);
  console.log(`  worker CPU ${f(c.upload.workerCpuS, 2)} s, api CPU ${f(c.upload.apiCpuS, 3)} s`);
  const kib = Object.entries(c.upload.bytes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${f(v / 1024, 0)} KiB`)
    .join(', ');
  console.log(`  storage ${f(c.upload.bytesTotal / 1024 / 1024, 2)} MiB per stage: ${kib}`);
}
