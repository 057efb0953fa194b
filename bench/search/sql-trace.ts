import { createServer, connect as tcpConnect, type Server } from 'node:net';

/**
 * A loopback TCP proxy in front of MariaDB that records every statement the api sends, exactly
 * as sent (TypeORM interpolates parameters client-side, so each COM_QUERY is complete SQL).
 * Lets explain.ts EXPLAIN the real queries rather than hand-copied ones.
 */
export class SqlTrace {
  readonly statements: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static start(target: { host: string; port: number }): Promise<SqlTrace> {
    let trace!: SqlTrace;
    const server = createServer((client) => {
      const upstream = tcpConnect(target.port, target.host);
      let pending = Buffer.alloc(0);
      client.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        // Packet: 3-byte little-endian length, 1-byte sequence, payload. A command starts a new
        // sequence (0); COM_QUERY is command byte 0x03 followed by the SQL text.
        while (pending.length >= 4) {
          const length = pending.readUIntLE(0, 3);
          if (pending.length < 4 + length) break;
          if (pending[3] === 0 && pending[4] === 0x03)
            trace.statements.push(pending.toString('utf8', 5, 4 + length));
          pending = pending.subarray(4 + length);
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        trace = new SqlTrace(server, typeof address === 'object' && address ? address.port : 0);
        resolve(trace);
      });
    });
  }

  /** Statements recorded since the last call. */
  take(): string[] {
    return this.statements.splice(0);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
