import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint: string | null;
      accessKeyId: string | null;
      secretAccessKey: string | null;
      forcePathStyle: boolean;
      /** Where browsers fetch objects directly (CDN, public bucket); null = the api streams them. */
      publicUrl: string | null;
      /** 'when_required' for s3rver and some S3-compatible stores that mangle aws-chunked bodies. */
      checksum: 'when_required' | 'when_supported';
    };

/** Everything the app reads from its environment, validated once at start-up. */
export class AppConfig {
  port!: number;
  publicUrl!: string;
  dataDir!: string;
  /** Built Angular app served from the same origin; null when absent (tests, dev with ng serve). */
  webDir!: string | null;
  database!: DatabaseConfig;
  redisUrl!: string | null;
  storage!: StorageConfig;
  sessionSecret!: string;
  secureCookies!: boolean;
  /** Honour X-Forwarded-For from one proxy hop (for per-IP limits behind a load balancer). */
  trustProxy!: boolean;
  /** Whether the api also runs queued jobs (off when separate `npm run worker` processes do). */
  jobsInApi!: boolean;
  /** Stages still pending/processing after this long are queued again (lost job, dead worker). */
  stageRecoveryMs!: number;
  /** How long search and colour-browse results (ids) are reused; 0 turns the cache off. */
  listCacheMs!: number;
  /**
   * How long a cached signed-out read may live at most (read-cache/): entries are dropped as soon
   * as data changes anyway; this only bounds one left behind by a failed Redis bump. 0 = no cache.
   */
  readCacheMs!: number;
  /** Sign-in and registration attempts allowed per 5 minutes; chat messages per person per 10 s. */
  /** Bearer token for /api/metrics; null turns the route off (404). */
  metricsToken!: string | null;
  /** Port of a worker's own /metrics listener; null for none. */
  workerMetricsPort!: number | null;
  rateLimit!: { authPerIp: number; authPerUsername: number; chatPer10s: number };
  /** Ed25519 key that signs provenance records (PEM), and retired public keys still listed (PEM). */
  provenance!: { privateKeyPem: string; oldPublicKeyPems: string[] };
}

/** A wrong setting: the message names the variable and what it should be. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function urlVar(env: Env, name: string, protocols: string[]): URL | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(', ')}), got "${raw}"`);
  }
  if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => `${p}://`).join(' or ')}, got "${raw}"`,
    );
  }
  return url;
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Secrets that appear in this repository (compose fallback, examples, tests, benches): anyone can
 * read them, so a production deployment must never sign cookies with one.
 */
const PUBLIC_SECRETS = new Set([
  'local-trial-only-change-me',
  'test-secret-test-secret',
  'bench-search-session-secret',
  'a-long-enough-secret',
  'change-me',
  'changeme',
  'secret',
]);

/**
 * Keeps a generated secret under data/ so sessions survive restarts without any setup. In
 * production the secret must be given, long, and not one published in the repository.
 */
function sessionSecret(env: Env, dataDir: string, production: boolean): string {
  const given = env.SESSION_SECRET;
  if (production) {
    if (given === undefined || given === '')
      throw new ConfigError('SESSION_SECRET must be set in production (at least 32 random characters)');
    if (given.length < 32)
      throw new ConfigError('SESSION_SECRET must be at least 32 characters in production');
    if (PUBLIC_SECRETS.has(given.trim().toLowerCase()))
      throw new ConfigError('SESSION_SECRET is a value published in the repository; set a random one');
  }
  if (given !== undefined && given !== '') {
    if (given.length < 16) throw new ConfigError('SESSION_SECRET must be at least 16 characters');
    return given;
  }
  const file = join(ensureDir(dataDir), 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g;

/**
 * The provenance signing key: PROVENANCE_PRIVATE_KEY (PEM) in production, else generated once
 * under data/ like the session secret. PROVENANCE_OLD_PUBLIC_KEYS (PEM blocks, `\n` allowed for
 * newlines) keeps retired keys listed so records signed before a rotation still verify.
 */
function provenanceConfig(env: Env, dataDir: string): AppConfig['provenance'] {
  const pem = (raw: string) => raw.replace(/\\n/g, '\n');
  const oldPublicKeyPems = (pem(env.PROVENANCE_OLD_PUBLIC_KEYS ?? '').match(PEM_BLOCK) ?? []).map((block) => {
    try {
      const key = createPublicKey(block);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(key.asymmetricKeyType);
    } catch {
      throw new ConfigError('PROVENANCE_OLD_PUBLIC_KEYS must be Ed25519 public keys in PEM');
    }
    return block;
  });
  const given = env.PROVENANCE_PRIVATE_KEY;
  if (given) {
    const privateKeyPem = pem(given);
    try {
      if (createPrivateKey(privateKeyPem).asymmetricKeyType !== 'ed25519') throw new Error();
    } catch {
      throw new ConfigError(
        'PROVENANCE_PRIVATE_KEY must be an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)',
      );
    }
    return { privateKeyPem, oldPublicKeyPems };
  }
  const file = join(ensureDir(dataDir), 'provenance-key.pem');
  if (existsSync(file)) return { privateKeyPem: readFileSync(file, 'utf8'), oldPublicKeyPems };
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, privateKeyPem, { mode: 0o600 });
  return { privateKeyPem, oldPublicKeyPems };
}

function databaseConfig(env: Env, dataDir: string): DatabaseConfig {
  const url = urlVar(env, 'DATABASE_URL', ['mysql', 'mariadb', 'sqlite']);
  if (!url) return { kind: 'sqlite', file: join(ensureDir(dataDir), 'gallery.sqlite') };
  if (url.protocol === 'sqlite:') {
    const file = decodeURIComponent(url.pathname);
    if (!file)
      throw new ConfigError('DATABASE_URL=sqlite:… must name a file, e.g. sqlite:///srv/gallery.sqlite');
    return { kind: 'sqlite', file };
  }
  return { kind: 'mysql', url: env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:') };
}

function storageConfig(env: Env, dataDir: string): StorageConfig {
  const bucket = env.S3_BUCKET;
  if (!bucket) return { kind: 'local', dir: resolve(env.MEDIA_DIR || join(dataDir, 'media')) };
  const endpoint = urlVar(env, 'S3_ENDPOINT', ['http', 'https']);
  const publicUrl = urlVar(env, 'S3_PUBLIC_URL', ['http', 'https']);
  const checksum = (env.S3_CHECKSUM || 'when_supported').toLowerCase();
  if (checksum !== 'when_required' && checksum !== 'when_supported') {
    throw new ConfigError(`S3_CHECKSUM must be when_required or when_supported, got "${env.S3_CHECKSUM}"`);
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || null;
  if (!!accessKeyId !== !!secretAccessKey) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  return {
    kind: 's3',
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint: endpoint ? endpoint.toString().replace(/\/$/, '') : null,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: boolVar(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
    publicUrl: publicUrl ? publicUrl.toString().replace(/\/$/, '') : null,
    checksum,
  };
}

/**
 * Reads and validates the environment. Throws ConfigError naming the first bad variable.
 * Paths default to ./data under the directory npm was started from (the repository root).
 */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const root = env.INIT_CWD || process.cwd();
  const dataDir = resolve(root, env.DATA_DIR || 'data');
  const publicUrl = urlVar(env, 'PUBLIC_URL', ['http', 'https']);
  const redis = urlVar(env, 'REDIS_URL', ['redis', 'rediss']);
  const defaultWebDir = resolve(__dirname, '../../../frontend/dist/browser');
  const webDir = env.WEB_DIR ? resolve(env.WEB_DIR) : existsSync(defaultWebDir) ? defaultWebDir : null;
  const config = new AppConfig();
  Object.assign(config, {
    port,
    publicUrl: publicUrl ? publicUrl.toString().replace(/\/$/, '') : `http://localhost:${port}`,
    dataDir,
    webDir,
    database: databaseConfig(env, dataDir),
    redisUrl: redis ? env.REDIS_URL! : null,
    storage: storageConfig(env, dataDir),
    sessionSecret: sessionSecret(
      env,
      dataDir,
      publicUrl?.protocol === 'https:' || env.NODE_ENV === 'production',
    ),
    secureCookies: publicUrl?.protocol === 'https:',
    trustProxy: boolVar(env, 'TRUST_PROXY', false),
    jobsInApi: boolVar(env, 'JOBS_IN_API', true),
    stageRecoveryMs: intVar(env, 'STAGE_RECOVERY_SECONDS', 120, 1, 86_400) * 1000,
    listCacheMs: intVar(env, 'LIST_CACHE_SECONDS', 10, 0, 600) * 1000,
    readCacheMs: intVar(env, 'READ_CACHE_SECONDS', 300, 0, 86_400) * 1000,
    metricsToken: env.METRICS_TOKEN || null,
    workerMetricsPort: env.WORKER_METRICS_PORT ? intVar(env, 'WORKER_METRICS_PORT', 0, 1, 65535) : null,
    rateLimit: {
      authPerIp: intVar(env, 'RATE_LIMIT_AUTH_PER_IP', 30, 1, 1_000_000),
      authPerUsername: intVar(env, 'RATE_LIMIT_AUTH_PER_USERNAME', 10, 1, 1_000_000),
      chatPer10s: intVar(env, 'RATE_LIMIT_CHAT_PER_10S', 10, 1, 1_000_000),
    },
    provenance: provenanceConfig(env, dataDir),
  } satisfies AppConfig);
  return config;
}
