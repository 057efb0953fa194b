import { createServer } from 'node:http';

/**
 * The floor for the load loop on this machine: a bare Node http server answering a fixed 2 KB
 * JSON body, no framework, no database. Run as a child (forked) so it has its own event loop as
 * the api does. Tells the parent its port over IPC.
 */
const card = (i: number) => ({
  id: `0192f0c4-7d3a-7b2e-9c1a-${String(i).padStart(12, '0')}`,
  title: `Harbour at dusk ${i}`,
  owner: { username: `painter_${String(i).padStart(5, '0')}`, displayName: 'Élodie Marchand' },
  likeCount: i * 7,
});
/** Cards until just under 2 KB, then padding to exactly 2048 bytes. */
function body2k(): Buffer {
  const items: ReturnType<typeof card>[] = [];
  const json = (pad: string) => JSON.stringify({ items, nextCursor: null, pad });
  while (Buffer.byteLength(json('')) < 1900) items.push(card(items.length));
  return Buffer.from(json('x'.repeat(2048 - Buffer.byteLength(json('')))));
}
const payload = body2k();

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length });
  res.end(payload);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
