import mysql from 'mysql2/promise';
import type { Row } from './generate';

export type Conn = mysql.Connection;

export function connect(url: string): Promise<Conn> {
  // timezone 'Z' as the api's TypeORM options: DATETIME text is UTC both ways.
  return mysql.createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const conn = await connect(serverUrl);
  try {
    const [rows] = await conn.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      name,
    ]);
    return (rows as unknown[]).length > 0;
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const conn = await connect(serverUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  const conn = await connect(serverUrl);
  try {
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/** Multi-row INSERTs of `perStatement` rows: one round trip and one parse per few thousand rows. */
export async function insertRows(
  conn: Conn,
  table: string,
  columns: readonly string[],
  rows: Row[],
  perStatement: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    await conn.query('INSERT INTO ?? (??) VALUES ?', [table, columns, rows.slice(i, i + perStatement)]);
  }
}

export async function count(conn: Conn, sql: string, params: unknown[] = []): Promise<number> {
  const [rows] = await conn.query(sql, params);
  return Number(Object.values((rows as Record<string, unknown>[])[0]!)[0]);
}
