import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions, organisations, case tables, covenant membership per table, users and their roles per
 * table, plus the unprivileged `casustafel_app` role every request runs as (ADR 0005).
 * Enumerations are text with CHECK constraints: cheaper to extend than PostgreSQL enums.
 */
export class CreateIdentityFoundation1764000000000 implements MigrationInterface {
  name = 'CreateIdentityFoundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: create once, tolerate a concurrent creator (parallel test databases).
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casustafel_app') THEN
          CREATE ROLE casustafel_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The owner must be able to SET ROLE to it when no separate app URL is configured.
    await q.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, 'casustafel_app', 'MEMBER') THEN
          EXECUTE format('GRANT casustafel_app TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO casustafel_app`);

    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid REFERENCES region(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        partner_type text NOT NULL CHECK (partner_type IN (
          'ZVH', 'GEMEENTE_SOCIAAL_DOMEIN', 'GEMEENTE_OOV', 'POLITIE', 'OM', 'RECLASSERING', 'RVDK_GI',
          'VEILIG_THUIS', 'GGZ_ZORGAANBIEDER', 'ZORGCOORDINATOR', 'COMENSHA', 'IND', 'NLA_KMAR', 'RIEC',
          'SLACHTOFFERHULP', 'WONINGCORPORATIE')),
        legal_regimes text[] NOT NULL DEFAULT '{}' CHECK (legal_regimes <@ ARRAY[
          'AVG', 'WPG', 'WJSG', 'WGS', 'BEROEPSGEHEIM', 'JEUGDWET', 'WMO', 'VREEMDELINGENWET']::text[]),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (region_id, name)
      )`);

    await q.query(`
      CREATE TABLE case_table (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        theme text NOT NULL CHECK (theme IN (
          'COMPLEX', 'MENSENHANDEL', 'HUISELIJK_GEWELD', 'NAZORG', 'RADICALISERING', 'TOP_X', 'JEUGD',
          'LEVENSLOOP', 'OTHER')),
        description text NOT NULL DEFAULT '',
        default_retention_months integer NOT NULL CHECK (default_retention_months BETWEEN 1 AND 240),
        processing_activity_id text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (region_id, name)
      )`);

    await q.query(`
      CREATE TABLE table_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        table_id uuid NOT NULL REFERENCES case_table(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        status text NOT NULL CHECK (status IN ('SIGNATORY', 'GUEST', 'DECLINED', 'WITHDRAWN')),
        since date NOT NULL,
        until date CHECK (until IS NULL OR until >= since),
        document_ref text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (table_id, organisation_id)
      )`);
    await q.query(
      `CREATE INDEX table_membership_organisation_idx ON table_membership (organisation_id, table_id)`,
    );

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX app_user_organisation_idx ON app_user (organisation_id)`);

    await q.query(`
      CREATE TABLE user_table_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        table_id uuid NOT NULL REFERENCES case_table(id),
        role text NOT NULL CHECK (role IN (
          'PROCESREGISSEUR', 'VOORZITTER', 'CASUSREGISSEUR', 'DEELNEMER', 'ZORGCOORDINATOR', 'TRIAGIST',
          'FG_AUDITOR', 'BEHEERDER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, table_id, role)
      )`);
    await q.query(`CREATE INDEX user_table_role_table_idx ON user_table_role (table_id, user_id)`);

    await q.query(`GRANT SELECT ON region TO casustafel_app`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON organisation, case_table, table_membership, app_user TO casustafel_app`,
    );
    await q.query(`GRANT SELECT, INSERT, DELETE ON user_table_role TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_table_role, app_user, table_membership, case_table, organisation, region`);
    // The role is cluster-wide and may serve other databases; it is left in place.
  }
}
