import type { Rng } from './rng';

/**
 * backend/src/common/uuidv7.ts, with the random bits from the seeded Rng: 48 bits of Unix ms,
 * version 7, variant 10, then randomness. Explore's "recent" orders by id, so the seeder gives
 * every artwork a distinct, increasing ms and ids sort exactly as creation times do.
 */
export function uuidv7(ms: number, rng: Rng): string {
  const bytes = new Uint8Array(16);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = Math.floor(rng.next() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random (version 4) UUID, as TypeORM's PrimaryGeneratedColumn('uuid') makes for users and stages. */
export function uuidv4(rng: Rng): string {
  const h = rng.hex(16).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
