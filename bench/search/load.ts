import http from 'node:http';

export interface LoadOptions {
  clients: number;
  seconds: number;
  /** Stop after this many requests even if time is left (0 = no cap). */
  maxRequests: number;
  /** Request headers: the cookies a returning browser sends (a first visit's, or a session). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Answers other than 200, and failed connections; their latencies are not in the percentiles. */
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  /** Per-request latency of the 200 answers, sorted ascending. */
  latenciesMs: Float64Array;
  bytesPerResponse: number;
}

/**
 * Many client addresses for the api's per-IP throttle (1200/min): 4096 of them keep every
 * address far under it at any rate this machine reaches. The api trusts one proxy hop.
 */
const ADDRESSES = 4096;
let addressCounter = 0;
const nextAddress = (): string => {
  const n = addressCounter++ % ADDRESSES;
  return `10.77.${n >> 8}.${n & 255}`;
};

/**
 * `clients` closed loops over one keep-alive connection each: a client sends its next request
 * when it has read the whole previous answer, so latency is not hidden by queueing in the client.
 * Cookies come with `options.headers` (run.ts gives signed-out clients a first visit's).
 */
export async function closedLoop(url: string, options: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let requests = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const capReached = (): boolean => options.maxRequests > 0 && requests >= options.maxRequests;

  const client = async (): Promise<void> => {
    while (performance.now() < deadline && !capReached()) {
      requests++;
      const t0 = performance.now();
      try {
        const { status, size } = await get(agent, target, options.headers);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 200) {
          latencies.push(performance.now() - t0);
          bytes += size;
        } else errors++;
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests,
    errors,
    statuses,
    seconds,
    latenciesMs: sorted,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
  };
}

function get(
  agent: http.Agent,
  url: URL,
  extra: Record<string, string> = {},
): Promise<{ status: number; size: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        agent,
        headers: {
          accept: 'application/json',
          'x-forwarded-for': nextAddress(),
          ...extra,
        },
      },
      (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, size }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** The q-quantile (nearest rank) of ascending latencies. */
export function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
