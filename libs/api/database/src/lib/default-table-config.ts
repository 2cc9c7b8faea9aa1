import {
  DEFAULT_EMBARGO_PARTNER_TYPES,
  DEFAULT_MENSENHANDEL_SIGNALS,
  DEFAULT_VISIBILITY_RULES,
  type TableTheme,
} from '@casustafel/shared/contracts';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const PREFIXES: Record<TableTheme, string> = {
  COMPLEX: 'CC',
  MENSENHANDEL: 'MH',
  HUISELIJK_GEWELD: 'HG',
  NAZORG: 'NZ',
  RADICALISERING: 'RD',
  TOP_X: 'TX',
  JEUGD: 'JG',
  LEVENSLOOP: 'LL',
  OTHER: 'CT',
};

/**
 * Gives a new table the default need-to-know configuration: version 1 of the visibility matrix
 * (DOMAIN.md b.4), the default embargo whitelist, a case-number prefix and, for a mensenhandel
 * table, the default signal lists. Used by the migration (existing tables), the demo seed and tests.
 */
export async function installDefaultTableConfig(
  db: Queryable,
  tableId: string,
  theme: TableTheme,
  changedBy: string | null = null,
): Promise<void> {
  await db.query(
    `insert into visibility_matrix_version (table_id, version, changed_at, changed_by, reason, embargo_partner_types)
     values ($1, 1, now(), $2, 'Standaardmatrix (DOMAIN.md b.4)', $3)`,
    [tableId, changedBy, DEFAULT_EMBARGO_PARTNER_TYPES],
  );
  await db.query(
    `insert into visibility_rule (table_id, version, category, partner_type, level)
     select $1, 1, c, p, l from unnest($2::text[], $3::text[], $4::text[]) as x(c, p, l)`,
    [
      tableId,
      DEFAULT_VISIBILITY_RULES.map((r) => r.category),
      DEFAULT_VISIBILITY_RULES.map((r) => r.partnerType),
      DEFAULT_VISIBILITY_RULES.map((r) => r.level),
    ],
  );
  await db.query(
    `update case_table set matrix_version = 1, embargo_partner_types = $2, number_prefix = $3, signals = $4 where id = $1`,
    [
      tableId,
      DEFAULT_EMBARGO_PARTNER_TYPES,
      PREFIXES[theme],
      JSON.stringify(theme === 'MENSENHANDEL' ? DEFAULT_MENSENHANDEL_SIGNALS : []),
    ],
  );
}
