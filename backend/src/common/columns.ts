import type { ValueTransformer } from 'typeorm';

/**
 * bigint columns holding Unix milliseconds: mysql2 returns bigints as strings, so read them back
 * as numbers (safe: ms timestamps are far below 2^53).
 */
export const UNIX_MS: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? value : Number(value)),
};
