import { randomUUID } from 'node:crypto';
import type { PartnerType, TableRole, TableTheme, MembershipStatus } from '@casustafel/shared/contracts';
import { hash, argon2id } from 'argon2';
import { Client } from 'pg';
import { installDefaultTableConfig } from '@casustafel/api/database';

/** A password every factory-made user gets unless told otherwise; passes the password policy. */
export const TEST_PASSWORD = 'testen-met-een-lange-zin';

let cachedHash: Promise<string> | undefined;

/**
 * Test data through SQL as the schema owner (tests own their data; no shared seed). Each method
 * creates what it is asked for and returns ids, with readable fictional defaults.
 */
export class IdentityFactory {
  private constructor(private readonly sql: Client) {}

  static async connect(databaseUrl: string): Promise<IdentityFactory> {
    const sql = new Client({ connectionString: databaseUrl, application_name: 'casustafel-test-factory' });
    await sql.connect();
    return new IdentityFactory(sql);
  }

  get client(): Client {
    return this.sql;
  }

  async close(): Promise<void> {
    await this.sql.end();
  }

  async region(name = `Testregio ${randomUUID().slice(0, 6)} (fictief)`): Promise<string> {
    const code = `test-${randomUUID().slice(0, 8)}`;
    const { rows } = await this.sql.query<{ id: string }>(
      'insert into region (code, name, is_demo) values ($1, $2, true) returning id',
      [code, name],
    );
    return rows[0].id;
  }

  async organisation(
    regionId: string,
    partnerType: PartnerType,
    name = `${partnerType} ${randomUUID().slice(0, 6)}`,
  ): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      'insert into organisation (region_id, name, partner_type, legal_regimes) values ($1, $2, $3, $4) returning id',
      [regionId, name, partnerType, ['AVG']],
    );
    return rows[0].id;
  }

  async table(
    regionId: string,
    theme: TableTheme = 'MENSENHANDEL',
    name = `Tafel ${randomUUID().slice(0, 6)}`,
  ): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into case_table (region_id, name, theme, default_retention_months, processing_activity_id)
       values ($1, $2, $3, 60, $4) returning id`,
      [regionId, name, theme, `urn:casustafel:test:${randomUUID()}:v1`],
    );
    await installDefaultTableConfig(this.sql, rows[0].id, theme);
    return rows[0].id;
  }

  async membership(
    tableId: string,
    organisationId: string,
    status: MembershipStatus = 'SIGNATORY',
    since = '2020-01-01',
  ): Promise<void> {
    await this.sql.query(
      `insert into table_membership (table_id, organisation_id, status, since, document_ref) values ($1, $2, $3, $4, 'test')
       on conflict (table_id, organisation_id) do update set status = excluded.status, since = excluded.since`,
      [tableId, organisationId, status, since],
    );
  }

  async user(
    organisationId: string,
    options: {
      email?: string;
      displayName?: string;
      roles?: Array<{ tableId: string; role: TableRole }>;
      password?: string;
      isDemo?: boolean;
      mustChangePassword?: boolean;
      active?: boolean;
    } = {},
  ): Promise<{ id: string; email: string; password: string }> {
    const email = options.email ?? `gebruiker-${randomUUID().slice(0, 8)}@test.example`;
    const password = options.password ?? TEST_PASSWORD;
    const passwordHash =
      password === TEST_PASSWORD
        ? await (cachedHash ??= hash(TEST_PASSWORD, {
            type: argon2id,
            memoryCost: 19_456,
            timeCost: 2,
            parallelism: 1,
          }))
        : await hash(password, { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into app_user (organisation_id, email, display_name, password_hash, is_demo, password_must_change, active)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        organisationId,
        email,
        options.displayName ?? 'Test Gebruiker (fictief)',
        passwordHash,
        options.isDemo ?? false,
        options.mustChangePassword ?? false,
        options.active ?? true,
      ],
    );
    for (const role of options.roles ?? []) {
      await this.sql.query('insert into user_table_role (user_id, table_id, role) values ($1, $2, $3)', [
        rows[0].id,
        role.tableId,
        role.role,
      ]);
    }
    return { id: rows[0].id, email, password };
  }
}
