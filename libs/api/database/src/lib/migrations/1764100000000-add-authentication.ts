import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in with password + TOTP, revocable server-side sessions, recovery codes, and the audit log
 * (a plain append-only table for now; the audit issue makes it tamper-evident and LDV-shaped).
 */
export class AddAuthentication1764100000000 implements MigrationInterface {
  name = 'AddAuthentication1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN password_must_change boolean NOT NULL DEFAULT false,
        ADD COLUMN is_demo boolean NOT NULL DEFAULT false,
        ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN lockout_count integer NOT NULL DEFAULT 0 CHECK (lockout_count >= 0),
        ADD COLUMN totp_secret_enc bytea,
        ADD COLUMN totp_pending_secret_enc bytea,
        ADD COLUMN totp_enrolled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN last_login_at timestamptz,
        ADD CONSTRAINT app_user_totp_enrolled_has_secret CHECK ((totp_enrolled_at IS NULL) = (totp_secret_enc IS NULL))`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('PENDING', 'FULL')),
        second_factor_verified boolean NOT NULL DEFAULT false,
        csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('LOGOUT', 'LOGOUT_ELSEWHERE', 'ADMIN', 'DEACTIVATED', 'ROTATED',
          'SECOND_FACTOR_FAILED', 'PASSWORD_CHANGED', 'SECOND_FACTOR_RESET')),
        device text NOT NULL DEFAULT '' CHECK (length(device) <= 120),
        second_factor_failures integer NOT NULL DEFAULT 0,
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX user_session_open_by_user_idx ON user_session (user_id) WHERE ended_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE user_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        code_hash bytea NOT NULL CHECK (length(code_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        UNIQUE (user_id, code_hash)
      )`);

    // Audit: one row per event (and, from the audit issue on, per data subject touched). Never
    // personal data in clear: subjects are pseudonymised, `details` holds codes and ids only.
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL CHECK (action ~ '^[a-z0-9_.-]{3,80}$'),
        outcome text NOT NULL CHECK (outcome IN ('OK', 'DENIED', 'ERROR')),
        actor_user_id uuid,
        actor_organisation_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        session_id uuid,
        origin text,
        object_type text,
        object_id text,
        data_subject_pseudonym text,
        data_subject_id_type text,
        processing_activity_id text,
        legal_ground text,
        purpose text,
        trace_id text CHECK (trace_id ~ '^[0-9a-f]{32}$'),
        span_id text CHECK (span_id ~ '^[0-9a-f]{16}$'),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id, occurred_at)`);
    // The second wall behind the grants: nobody, owner included, edits or deletes audit rows in place.
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON user_session TO casustafel_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON user_recovery_code TO casustafel_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event, user_recovery_code, user_session`);
    await q.query(`DROP FUNCTION audit_event_is_append_only()`);
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_totp_enrolled_has_secret,
        DROP COLUMN password_must_change, DROP COLUMN is_demo, DROP COLUMN failed_login_count,
        DROP COLUMN locked_until, DROP COLUMN lockout_count, DROP COLUMN totp_secret_enc,
        DROP COLUMN totp_pending_secret_enc, DROP COLUMN totp_enrolled_at, DROP COLUMN totp_last_step,
        DROP COLUMN last_login_at`);
  }
}
