import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hash chains: enough that concurrent transactions rarely meet on one (ADR 0017). */
const CHAINS = 64;

/**
 * What the hash of a row covers, in this order: every column but the derived status_code and the
 * chain's own hashes. `cst_audit_canonical` takes them by name (its parameters are named like the
 * columns; the verifier builds its call from them) and returns the text of one row value as UTF-8:
 * record output quotes every field that needs it and shows NULL as nothing, so the form is
 * unambiguous, and none of these types prints differently per session (the time goes in as epoch
 * seconds with microseconds, not as a DateStyle-dependent timestamp). Its first field is the
 * format version: a new column needs a new version.
 */
const CANONICAL: Array<[column: string, type: string]> = [
  ['seq', 'bigint'],
  ['chain_id', 'smallint'],
  ['chain_seq', 'bigint'],
  ['occurred_at', 'timestamptz'],
  ['action', 'text'],
  ['outcome', 'text'],
  ['actor_user_id', 'uuid'],
  ['on_behalf_of_user_id', 'uuid'],
  ['actor_organisation_id', 'uuid'],
  ['actor_roles', 'text[]'],
  ['session_id', 'uuid'],
  ['origin', 'text'],
  ['object_type', 'text'],
  ['object_id', 'text'],
  ['data_subject_id', 'text'],
  ['data_subject_id_type', 'text'],
  ['data_category', 'text'],
  ['authorisation_rule', 'text'],
  ['break_glass', 'boolean'],
  ['processing_activity_id', 'text'],
  ['legal_ground', 'text'],
  ['purpose', 'text'],
  ['trace_id', 'text'],
  ['span_id', 'text'],
  ['parent_span_id', 'text'],
  ['details', 'jsonb'],
];

/**
 * The audit log becomes tamper-evident and LDV/NEN 7513-shaped (ADR 0017):
 * - `audit_event` is partitioned by month (the "who saw this file" query is on subject and time),
 *   `id` becomes `seq` (the global order); besides each action's row, a row per data subject it
 *   touched (pseudonymised, a child span); the responsible user, data category, authorisation rule,
 *   break-glass flag and LDV status;
 * - every row is linked into one of 64 hash chains by a BEFORE INSERT trigger: the chain a
 *   connection prefers (backend pid mod 64) or, when another transaction holds it, the next free
 *   one — requests do not queue behind one global head; a rolled-back transaction rolls its links
 *   back with it;
 * - the app role may only INSERT (no SELECT, UPDATE, DELETE, TRUNCATE); the chain heads are read
 *   through `cst_audit_heads()` for the checkpoints kept outside the database.
 */
export class TamperEvidentAudit1764400000000 implements MigrationInterface {
  name = 'TamperEvidentAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event RENAME TO audit_event_v1`);
    await q.query(`ALTER TABLE audit_event_v1 RENAME CONSTRAINT audit_event_pkey TO audit_event_v1_pkey`);
    await q.query(`DROP INDEX audit_event_actor_idx, audit_event_object_idx`);

    await q.query(`
      CREATE TABLE audit_event (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL CONSTRAINT audit_event_action_check CHECK (action ~ '^[a-z0-9_.-]{3,80}$'),
        outcome text NOT NULL CONSTRAINT audit_event_outcome_check CHECK (outcome IN ('OK', 'DENIED', 'ERROR')),
        status_code text GENERATED ALWAYS AS (CASE WHEN outcome = 'OK' THEN 'OK' ELSE 'ERROR' END) STORED,
        actor_user_id uuid,
        on_behalf_of_user_id uuid,
        actor_organisation_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        session_id uuid,
        origin text,
        object_type text,
        object_id text,
        data_subject_id text,
        data_subject_id_type text,
        data_category text CHECK (length(data_category) <= 40),
        authorisation_rule text CHECK (length(authorisation_rule) <= 200),
        break_glass boolean NOT NULL DEFAULT false,
        processing_activity_id text,
        legal_ground text,
        purpose text,
        trace_id text CONSTRAINT audit_event_trace_id_check CHECK (trace_id ~ '^[0-9a-f]{32}$'),
        span_id text CONSTRAINT audit_event_span_id_check CHECK (span_id ~ '^[0-9a-f]{16}$'),
        parent_span_id text CHECK (parent_span_id ~ '^[0-9a-f]{16}$'),
        details jsonb NOT NULL DEFAULT '{}',
        chain_id smallint NOT NULL,
        chain_seq bigint NOT NULL CHECK (chain_seq >= 1),
        prev_hash bytea CHECK (length(prev_hash) = 32),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (seq, occurred_at),
        CONSTRAINT audit_event_subject_type CHECK ((data_subject_id IS NULL) = (data_subject_id_type IS NULL)),
        CONSTRAINT audit_event_chain_start CHECK ((chain_seq = 1) = (prev_hash IS NULL))
      ) PARTITION BY RANGE (occurred_at)`);
    await q.query(`CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT`);
    // "Who saw this file" (NEN 7513, QUALITY-TARGETS P8); most rows (sign-in, administration) have no subject.
    await q.query(
      `CREATE INDEX audit_event_subject_idx ON audit_event (data_subject_id, occurred_at) WHERE data_subject_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id, occurred_at)`);

    // The second wall behind the grants, also on every partition (statement triggers are not inherited).
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event_default
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE FUNCTION cst_audit_ensure_partitions(p_from date, p_months_ahead integer) RETURNS integer
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE
        v_month date := date_trunc('month', p_from)::date;
        v_last date := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => p_months_ahead))::date;
        v_name text;
        v_created integer := 0;
      BEGIN
        WHILE v_month <= v_last LOOP
          v_name := 'audit_event_y' || to_char(v_month, 'YYYY') || 'm' || to_char(v_month, 'MM');
          IF to_regclass(v_name) IS NULL THEN
            -- Rows of a month without a partition wait in the default partition; a partition for that
            -- month can no longer be made (moving them would need a DELETE), so leave it there.
            IF NOT EXISTS (SELECT 1 FROM audit_event_default
                           WHERE occurred_at >= (v_month::timestamp AT TIME ZONE 'UTC')
                             AND occurred_at < ((v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC')) THEN
              EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', v_name,
                             to_char(v_month, 'YYYY-MM-DD') || ' 00:00:00+00',
                             to_char(v_month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
              EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I
                              FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()', v_name);
              v_created := v_created + 1;
            END IF;
          END IF;
          v_month := (v_month + interval '1 month')::date;
        END LOOP;
        RETURN v_created;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_audit_ensure_partitions(date, integer) FROM PUBLIC`);
    await q.query(`SELECT cst_audit_ensure_partitions('2024-01-01', 24)`);

    await this.chains(q);
    await this.subjects(q);

    // The existing rows, in their order, each linked into the chain of this connection.
    await q.query(`
      INSERT INTO audit_event (seq, occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id,
        actor_organisation_id, actor_roles, session_id, origin, object_type, object_id, data_subject_id,
        data_subject_id_type, processing_activity_id, legal_ground, purpose, trace_id, span_id, details)
      OVERRIDING SYSTEM VALUE
      SELECT id, occurred_at, action, outcome, actor_user_id, actor_user_id, actor_organisation_id, actor_roles,
        session_id, origin, object_type, object_id, data_subject_pseudonym,
        CASE WHEN data_subject_pseudonym IS NOT NULL THEN coalesce(data_subject_id_type, 'CST_PSEUDONYM') END,
        processing_activity_id, legal_ground, purpose, trace_id, span_id, details
      FROM audit_event_v1 ORDER BY id`);
    await q.query(`
      SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), coalesce(max(seq), 0) + 1, false) FROM audit_event`);
    await q.query(`DROP TABLE audit_event_v1`);

    await q.query(`REVOKE ALL ON audit_event FROM casustafel_app`);
    await q.query(`GRANT INSERT ON audit_event TO casustafel_app`);

    await this.caseRead(q);
  }

  /**
   * 64 chains, each with its head in `audit_chain`. The canonical form of a row is ONE function,
   * used by the trigger that writes the hash and by the verifier that recomputes it.
   */
  private async chains(q: QueryRunner): Promise<void> {
    // fillfactor 10: the heads spread over several pages (less contention on one buffer) and every
    // update of a head finds room for a HOT version on its page.
    await q.query(`
      CREATE TABLE audit_chain (
        chain_id smallint PRIMARY KEY CHECK (chain_id >= 0),
        last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        last_hash bytea CHECK (length(last_hash) = 32),
        CHECK ((last_seq = 0) = (last_hash IS NULL))
      ) WITH (fillfactor = 10)`);
    await q.query(`INSERT INTO audit_chain (chain_id) SELECT g FROM generate_series(0, ${CHAINS - 1}) g`);
    await q.query(`REVOKE ALL ON audit_chain FROM PUBLIC, casustafel_app`);

    // STABLE, not IMMUTABLE, because record output and extract() are catalogued STABLE (their
    // results vary by setting for other types, not these): so the planner inlines it, which halves
    // the cost of verifying a row.
    await q.query(`
      CREATE FUNCTION cst_audit_canonical(${CANONICAL.map(([c, t]) => `${c} ${t}`).join(', ')}) RETURNS bytea
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT convert_to(ROW(1, ${CANONICAL.map(([c]) => (c === 'occurred_at' ? 'extract(epoch FROM occurred_at)' : c)).join(', ')})::text, 'UTF8')
      $$`);

    // The preferred chain first (pid mod N: a connection keeps to its chain), then the chain this
    // transaction already holds, then the next free one; wait only when every chain is held.
    await q.query(`
      CREATE FUNCTION cst_audit_chain_link() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_preferred smallint := (pg_backend_pid() % ${CHAINS})::smallint;
        v_held smallint := nullif(current_setting('cst.audit_chain', true), '')::smallint;
        v_chain smallint;
        v_seq bigint;
        v_prev bytea;
      BEGIN
        IF v_held IS NOT NULL THEN
          SELECT chain_id, last_seq, last_hash INTO v_chain, v_seq, v_prev
            FROM audit_chain WHERE chain_id = v_held FOR UPDATE SKIP LOCKED;
        END IF;
        IF v_chain IS NULL THEN
          SELECT chain_id, last_seq, last_hash INTO v_chain, v_seq, v_prev
            FROM audit_chain WHERE chain_id = v_preferred FOR UPDATE SKIP LOCKED;
        END IF;
        IF v_chain IS NULL THEN
          SELECT chain_id, last_seq, last_hash INTO v_chain, v_seq, v_prev
            FROM audit_chain ORDER BY (chain_id - v_preferred + ${CHAINS}) % ${CHAINS}
            LIMIT 1 FOR UPDATE SKIP LOCKED;
          IF v_chain IS NULL THEN
            SELECT chain_id, last_seq, last_hash INTO v_chain, v_seq, v_prev
              FROM audit_chain WHERE chain_id = v_preferred FOR UPDATE;
          END IF;
          PERFORM set_config('cst.audit_chain', v_chain::text, true);
        END IF;
        NEW.chain_id := v_chain;
        NEW.chain_seq := v_seq + 1;
        NEW.prev_hash := v_prev;
        NEW.hash := sha256(coalesce(v_prev, '\\x'::bytea) || cst_audit_canonical(${CANONICAL.map(([c]) => `NEW.${c}`).join(', ')}));
        UPDATE audit_chain SET last_seq = NEW.chain_seq, last_hash = NEW.hash WHERE chain_id = v_chain;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_audit_chain_link() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION cst_audit_chain_link()`);

    // The heads, for the checkpoints the app writes outside the database; nothing else of the log.
    await q.query(`
      CREATE FUNCTION cst_audit_heads() RETURNS TABLE (chain_id smallint, chain_seq bigint, hash bytea)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.chain_id, c.last_seq, c.last_hash FROM audit_chain c WHERE c.last_seq > 0 ORDER BY c.chain_id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_audit_heads() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_audit_heads() TO casustafel_app`);
  }

  /**
   * The data subjects of cases, registrations and persons as pseudonyms (LDV: one record per
   * subject), with the processing activity of their table. Looks past row-level security, so a
   * denied read is recorded against the persons it was aimed at; returns pseudonyms only.
   */
  private async subjects(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_audit_subjects(p_cases uuid[], p_registrations uuid[], p_persons uuid[])
      RETURNS TABLE (data_subject_id text, data_subject_id_type text, processing_activity_id text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT per.pseudonym, 'CST_PSEUDONYM', min(s.processing_activity_id)
        FROM (
          SELECT cp.person_id, t.processing_activity_id
            FROM case_person cp JOIN casus c ON c.id = cp.case_id JOIN case_table t ON t.id = c.table_id
           WHERE p_cases IS NOT NULL AND cp.case_id = ANY (p_cases)
          UNION ALL
          SELECT rp.person_id, t.processing_activity_id
            FROM registration_person rp JOIN registration g ON g.id = rp.registration_id
            JOIN case_table t ON t.id = g.table_id
           WHERE p_registrations IS NOT NULL AND rp.registration_id = ANY (p_registrations)
          UNION ALL
          SELECT x.id, NULL FROM unnest(p_persons) AS x(id) WHERE p_persons IS NOT NULL
        ) s
        JOIN person per ON per.id = s.person_id
        GROUP BY per.pseudonym
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_audit_subjects(uuid[], uuid[], uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_audit_subjects(uuid[], uuid[], uuid[]) TO casustafel_app`);
    // LDV: a child span per subject.
    await q.query(`
      CREATE FUNCTION cst_audit_span_id() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT left(md5(gen_random_uuid()::text), 16)
      $$`);
  }

  /**
   * `cst_case_read` exactly as migration 1764200000000 made it (1764300000000 left it alone), with
   * only its two audit inserts changed: the read's row, and one row per person of the case with a
   * child span of the read, also for a denial.
   */
  private async caseRead(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION cst_case_read(p_case uuid, p_user uuid, p_org uuid, p_session uuid, p_roles text[],
                                    p_origin text, p_trace text, p_span text, p_at timestamptz)
      RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_case casus%ROWTYPE;
        v_table case_table%ROWTYPE;
        v_manager boolean;
        v_result jsonb;
      BEGIN
        PERFORM set_config('app.user_id', p_user::text, true),
                set_config('app.organisation_id', p_org::text, true),
                set_config('app.session_id', coalesce(p_session::text, ''), true);
        SELECT * INTO v_case FROM casus WHERE id = p_case;
        IF NOT FOUND THEN
          -- The read's own row (its span, no subject) and a child row per person of the case, also
          -- when the actor may not see it (cst_audit_subjects looks past RLS, returns pseudonyms only).
          INSERT INTO audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id,
                                   actor_organisation_id, actor_roles, session_id, origin, object_type, object_id,
                                   data_subject_id, data_subject_id_type, processing_activity_id, trace_id, span_id,
                                   parent_span_id)
          SELECT p_at, 'case.read', 'DENIED', p_user, p_user, p_org, p_roles, p_session, p_origin, 'case', p_case::text,
                 s.data_subject_id, s.data_subject_id_type, s.processing_activity_id, p_trace,
                 CASE WHEN s.data_subject_id IS NULL THEN p_span ELSE cst_audit_span_id() END,
                 CASE WHEN s.data_subject_id IS NULL THEN NULL ELSE p_span END
          FROM (SELECT NULL::text, NULL::text, NULL::text
                UNION ALL SELECT * FROM cst_audit_subjects(ARRAY[p_case], NULL, NULL))
               AS s (data_subject_id, data_subject_id_type, processing_activity_id);
          RETURN NULL;
        END IF;
        SELECT * INTO v_table FROM case_table WHERE id = v_case.table_id;
        INSERT INTO audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id,
                                 actor_organisation_id, actor_roles, session_id, origin, object_type, object_id,
                                 data_subject_id, data_subject_id_type, authorisation_rule, processing_activity_id,
                                 trace_id, span_id, parent_span_id)
        SELECT p_at, 'case.read', 'OK', p_user, p_user, p_org, p_roles, p_session, p_origin, 'case', p_case::text,
               s.data_subject_id, s.data_subject_id_type, 'PARTICIPATION', v_table.processing_activity_id, p_trace,
               CASE WHEN s.data_subject_id IS NULL THEN p_span ELSE cst_audit_span_id() END,
               CASE WHEN s.data_subject_id IS NULL THEN NULL ELSE p_span END
        FROM (SELECT NULL::text, NULL::text, NULL::text
              UNION ALL SELECT * FROM cst_audit_subjects(ARRAY[p_case], NULL, NULL))
             AS s (data_subject_id, data_subject_id_type, processing_activity_id);
        v_manager := EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = p_user AND r.table_id = v_table.id
                             AND r.role IN ('PROCESREGISSEUR', 'VOORZITTER'));

        SELECT jsonb_build_object(
          'case', jsonb_build_object('id', v_case.id, 'number', v_case.number, 'state', v_case.state,
                    'openedAt', v_case.opened_at, 'closedAt', v_case.closed_at, 'retentionUntil', v_case.retention_until,
                    'embargo', v_case.embargo, 'version', v_case.version, 'tableId', v_table.id,
                    'tableName', v_table.name, 'theme', v_table.theme),
          'actor', (SELECT jsonb_build_object('partnerType', o.partner_type, 'basis', p.basis)
                    FROM organisation o LEFT JOIN case_participant p ON p.case_id = p_case AND p.organisation_id = o.id
                    WHERE o.id = p_org),
          'responsible', (SELECT jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type)
                          FROM organisation o WHERE o.id = v_case.responsible_organisation_id),
          'procesregisseur', (SELECT u.display_name FROM app_user u WHERE u.id = v_case.procesregisseur_id),
          'casusregisseur', (SELECT jsonb_build_object('id', u.id, 'name', u.display_name) FROM app_user u
                             WHERE u.id = v_case.casusregisseur_id),
          'core', CASE WHEN cst_visibility(p_case, 'C2', 'NORMAAL', ARRAY[v_case.responsible_organisation_id], NULL) = 'FULL'
                       THEN jsonb_build_object('reason', v_case.reason, 'goal', v_case.goal) END,
          'participants', COALESCE((
             SELECT jsonb_agg(jsonb_build_object('organisation', jsonb_build_object('id', o.id, 'name', o.name,
                      'partnerType', o.partner_type), 'basis', p.basis, 'since', p.since) ORDER BY o.name)
             FROM case_participant p JOIN organisation o ON o.id = p.organisation_id WHERE p.case_id = p_case), '[]'),
          'persons', COALESCE((
             SELECT jsonb_agg(jsonb_build_object('id', x.id, 'role', x.role, 'visibility', x.vis,
                      'givenName', CASE WHEN x.vis = 'FULL' THEN x.given_name END,
                      'familyName', CASE WHEN x.vis = 'FULL' THEN x.family_name END,
                      'dateOfBirth', CASE WHEN x.vis = 'FULL' THEN x.date_of_birth END,
                      'address', CASE WHEN x.vis = 'FULL' THEN x.address END,
                      'bsnEnc', CASE WHEN x.bsn_vis = 'FULL' THEN encode(x.bsn_enc, 'base64') END) ORDER BY x.position)
             FROM (SELECT per.*, cp.role, cp.position,
                          cst_visibility(p_case, 'C1', 'NORMAAL', ARRAY[cp.owner_organisation_id], NULL) AS vis,
                          cst_visibility(p_case, 'C1B', 'NORMAAL', ARRAY[cp.owner_organisation_id], NULL) AS bsn_vis
                   FROM case_person cp JOIN person per ON per.id = cp.person_id WHERE cp.case_id = p_case) x
             WHERE x.vis <> 'NONE'), '[]'),
          'items', COALESCE((
             SELECT jsonb_agg(CASE WHEN split_part(x.acc, ':', 1) = 'FULL' THEN jsonb_build_object(
                        'visibility', 'FULL', 'grantedBy', split_part(x.acc, ':', 2), 'id', x.id, 'category', x.category,
                        'sensitivity', x.sensitivity, 'title', x.title, 'body', x.body, 'legalGround', x.legal_ground,
                        'authorOrganisation', x.author_org, 'author', x.author_name, 'createdAt', x.created_at,
                        'version', x.version,
                        'attachments', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'fileName', a.file_name,
                             'contentType', a.content_type, 'size', a.size) ORDER BY a.created_at)
                           FROM case_item_attachment a WHERE a.item_id = x.id), '[]'))
                      ELSE jsonb_build_object('visibility', 'SUMMARY', 'id', x.id, 'category', x.category,
                        'authorOrganisation', x.author_org, 'createdAt', x.created_at) END ORDER BY x.created_at)
             FROM (SELECT i.*, cst_access(p_case, i.category, i.sensitivity, ARRAY[i.author_organisation_id], i.id) AS acc,
                          jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type) AS author_org,
                          u.display_name AS author_name
                   FROM case_item i JOIN organisation o ON o.id = i.author_organisation_id
                   JOIN app_user u ON u.id = i.author_id WHERE i.case_id = p_case) x
             WHERE x.acc <> 'NONE'), '[]'),
          'mensenhandel', (
             SELECT jsonb_build_object(
               'version', m.version,
               'exploitation', CASE x.exploitation
                  WHEN 'FULL' THEN jsonb_build_object('visibility', 'FULL', 'forms', m.forms, 'victimStatus', m.victim_status,
                    'comensha', jsonb_build_object('reported', m.comensha_reported, 'reportedAt', m.comensha_reported_at,
                      'reference', m.comensha_reference, 'dossierType', m.comensha_dossier_type))
                  WHEN 'SUMMARY' THEN jsonb_build_object('visibility', 'SUMMARY') END,
               'b8', CASE WHEN m.b8_owner_id IS NULL THEN NULL ELSE CASE x.b8
                  WHEN 'FULL' THEN jsonb_build_object('visibility', 'FULL', 'offeredAt', m.b8_offered_at,
                    'acceptedAt', m.b8_accepted_at, 'aangifte', m.aangifte, 'permitStatus', m.permit_status)
                  WHEN 'SUMMARY' THEN jsonb_build_object('visibility', 'SUMMARY') END END,
               'shelter', CASE WHEN m.shelter_owner_id IS NULL THEN NULL ELSE CASE x.shelter
                  WHEN 'FULL' THEN jsonb_build_object('visibility', 'FULL', 'type', m.shelter_type,
                    'placedAt', m.shelter_placed_at, 'placedVia', m.shelter_placed_via,
                    'shelterOrganisation', (SELECT jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type)
                                            FROM organisation o WHERE o.id = m.shelter_organisation_id),
                    -- The address itself: only the zorgcoördinator and the shelter organisation, whatever
                    -- the matrix says about C9 (a leaked shelter address can cost a life).
                    'addressEnc', CASE WHEN p_org = m.shelter_organisation_id
                                         OR (SELECT o.partner_type FROM organisation o WHERE o.id = p_org) = 'ZORGCOORDINATOR'
                                       THEN encode(m.shelter_address_enc, 'base64') END)
                  WHEN 'SUMMARY' THEN jsonb_build_object('visibility', 'SUMMARY') END END)
             FROM case_mensenhandel m
             CROSS JOIN LATERAL (SELECT
               cst_visibility(p_case, 'C2', 'NORMAAL', ARRAY[m.exploitation_owner_id], NULL) AS exploitation,
               cst_visibility(p_case, 'C8', 'NORMAAL', ARRAY[m.b8_owner_id], NULL) AS b8,
               cst_visibility(p_case, 'C9', 'NORMAAL', ARRAY[m.shelter_owner_id, m.shelter_organisation_id], NULL) AS shelter) x
             WHERE m.case_id = p_case),
          'disclosures', COALESCE((
             SELECT jsonb_agg(jsonb_build_object('id', d.id, 'from', jsonb_build_object('id', f.id, 'name', f.name,
                      'partnerType', f.partner_type), 'to', jsonb_build_object('id', t.id, 'name', t.name,
                      'partnerType', t.partner_type), 'itemIds', d.item_ids, 'categories', d.categories,
                      'purpose', d.purpose, 'legalGround', d.legal_ground, 'legalReference', d.legal_reference,
                      'state', d.state, 'proposedBy', pu.display_name, 'proposedAt', d.proposed_at,
                      'decidedBy', du.display_name, 'decidedAt', d.decided_at, 'revokedAt', d.revoked_at)
                    ORDER BY d.proposed_at)
             FROM disclosure d JOIN organisation f ON f.id = d.from_organisation_id
             JOIN organisation t ON t.id = d.to_organisation_id JOIN app_user pu ON pu.id = d.proposed_by
             LEFT JOIN app_user du ON du.id = d.decided_by
             WHERE d.case_id = p_case AND (v_manager OR d.from_organisation_id = p_org OR d.to_organisation_id = p_org)), '[]'),
          'requests', COALESCE((
             SELECT jsonb_agg(jsonb_build_object('id', r.id, 'to', jsonb_build_object('id', o.id, 'name', o.name,
                      'partnerType', o.partner_type), 'question', r.question, 'categories', r.categories, 'dueAt', r.due_at,
                      'state', r.state, 'requestedBy', u.display_name, 'requestedAt', r.requested_at,
                      'answeredAt', r.answered_at, 'declineReason', r.decline_reason,
                      'answerItemIds', COALESCE((SELECT jsonb_agg(i.id) FROM case_item i WHERE i.information_request_id = r.id), '[]'))
                    ORDER BY r.requested_at)
             FROM information_request r JOIN organisation o ON o.id = r.to_organisation_id
             JOIN app_user u ON u.id = r.requested_by
             WHERE r.case_id = p_case AND (v_manager OR r.to_organisation_id = p_org
                   OR EXISTS (SELECT 1 FROM app_user ru WHERE ru.id = r.requested_by AND ru.organisation_id = p_org))), '[]')
        ) INTO v_result;
        RETURN v_result;
      END $$`);
  }

  async down(): Promise<void> {
    throw new Error('Not reversible: the audit log is append-only; restore from a backup.');
  }
}
