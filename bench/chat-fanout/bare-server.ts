/**
 * The baseline, forked by main.ts into its own process: plain Socket.IO on node:http, no Nest,
 * no database, no auth, one room. It answers `chat:send` like Gallery does (ack + `chat:message`
 * to the whole room, sender included) with a payload of the same shape, so the difference
 * from Gallery is Gallery's own work, not bytes on the wire.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const ROOM = 'public';
/** What Gallery's mapper puts in `sender` for a bench account (no avatar). */
const SENDER = {
  id: randomUUID(),
  username: 'fanbare_0',
  displayName: 'Bench fanbare_0',
  avatarUrl: null,
};

type Ack = (result: object) => void;

const http = createServer();
// Gallery's gateway options: same path, no client bundle; everything else Socket.IO defaults.
const io = new Server(http, { path: '/socket.io', serveClient: false });

io.on('connection', (socket) => {
  void socket.join(ROOM);
  socket.on('chat:send', (payload: { conversationId?: unknown; body?: unknown }, ack?: Ack) => {
    const body = typeof payload?.body === 'string' ? payload.body.trim() : '';
    if (!body) return ack?.({ ok: false, error: 'body must be 1 to 2000 characters' });
    const message = {
      id: randomUUID(),
      conversationId: ROOM,
      sender: SENDER,
      body,
      attachment: null,
      createdAt: new Date().toISOString(),
    };
    io.to(ROOM).emit('chat:message', message);
    ack?.({ ok: true, message });
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  process.send?.({ port: address.port });
});

// The parent's disconnect (or its death) ends this process: never leave a server behind.
process.on('disconnect', () => process.exit(0));
