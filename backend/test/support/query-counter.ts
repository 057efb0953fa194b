import type { DataSource } from 'typeorm';

/**
 * Counts the statements TypeORM sends to the database while `work` runs (every query, BEGIN and
 * COMMIT included: each is a round trip to MariaDB). Every query runner logs through the data
 * source's logger, so spying on it sees them all; `statements` keeps their text for a failure message.
 */
export async function countQueries<T>(
  db: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const spy = jest.spyOn(db.logger, 'logQuery').mockImplementation((query: string) => {
    statements.push(query);
  });
  try {
    const result = await work();
    return { result, count: statements.length, statements };
  } finally {
    spy.mockRestore();
  }
}
