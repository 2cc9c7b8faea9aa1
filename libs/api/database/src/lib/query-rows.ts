import type { DataSource, EntityManager } from 'typeorm';

/**
 * Rows of a raw query, whatever the statement. TypeORM answers UPDATE and DELETE with
 * `[rows, rowCount]` instead of the rows; this evens that out so `... RETURNING` reads the same
 * for every statement.
 */
export async function queryRows<T>(
  runner: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await runner.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
