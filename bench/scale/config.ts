/** Settings from the environment (SCALE_*); defaults keep a run to about ten minutes here. */
export interface Settings {
  databaseUrl: string;
  painters: number;
  /** Each painter uploads one image per period. */
  uploadPeriodMs: number;
  imageWidth: number;
  imageHeight: number;
  /** People with a socket in the public room during the fault phases (half on each api). */
  people: number;
  /** Each of the two senders sends one message per period. */
  chatPeriodMs: number;
  beforeFaultMs: number;
  afterFaultMs: number;
  redisDownMs: number;
  /** How long to wait for the last stages to become ready before calling them stuck. */
  drainMs: number;
  /** STAGE_RECOVERY_SECONDS for the apis: how soon unfinished stages are queued again. */
  stageRecoverySeconds: number;
  /** Api counts for the scale-out step. */
  instances: number[];
  readClients: number;
  readSeconds: number;
  fanoutSockets: number;
  fanoutSeconds: number;
  /** 12 MP photos for the per-upload figures (writes, bytes per stage, worker CPU). */
  photos: number;
  chatSample: number;
}

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
};

export function loadSettings(): Settings {
  const stageRecoverySeconds = num('SCALE_STAGE_RECOVERY_SECONDS', 15);
  return {
    databaseUrl: process.env.SCALE_DATABASE_URL || 'mysql://root@127.0.0.1:3306/gallery_bench_scale',
    painters: num('SCALE_PAINTERS', 4),
    uploadPeriodMs: num('SCALE_UPLOAD_PERIOD_MS', 3000),
    imageWidth: num('SCALE_IMAGE_WIDTH', 2000),
    imageHeight: num('SCALE_IMAGE_HEIGHT', 1500),
    people: num('SCALE_PEOPLE', 40),
    chatPeriodMs: num('SCALE_CHAT_PERIOD_MS', 200),
    beforeFaultMs: num('SCALE_BEFORE_FAULT_S', 12) * 1000,
    afterFaultMs: num('SCALE_AFTER_FAULT_S', 25) * 1000,
    redisDownMs: num('SCALE_REDIS_DOWN_S', 5) * 1000,
    drainMs: num('SCALE_DRAIN_S', stageRecoverySeconds * 4 + 60) * 1000,
    stageRecoverySeconds,
    instances: (process.env.SCALE_INSTANCES || '1,2,3').split(',').map(Number),
    readClients: num('SCALE_READ_CLIENTS', 48),
    readSeconds: num('SCALE_READ_SECONDS', 10),
    fanoutSockets: num('SCALE_FANOUT_SOCKETS', 300),
    fanoutSeconds: num('SCALE_FANOUT_SECONDS', 10),
    photos: num('SCALE_PHOTOS', 4),
    chatSample: num('SCALE_CHAT_SAMPLE', 200),
  };
}
