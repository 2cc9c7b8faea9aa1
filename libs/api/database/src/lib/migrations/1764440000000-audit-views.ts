import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The columns every audit view returns: the record, resolved for display (who, which organisation,
 * on whose behalf, which processing activity), and its action's row (the parent span) for the
 * action, object and outcome. `e` is the record, `a` its action's row (or the record itself).
 */
export const EVENT_COLUMNS = `
  e.seq, e.occurred_at, coalesce(a.action, e.action) AS action, coalesce(a.outcome, e.outcome) AS outcome,
  e.status_code, e.actor_user_id, u.display_name AS actor_name, e.actor_organisation_id,
  o.name AS organisation_name, e.actor_roles, e.on_behalf_of_user_id, b.display_name AS on_behalf_of_name,
  coalesce(a.object_type, e.object_type) AS object_type, coalesce(a.object_id, e.object_id) AS object_id,
  e.data_subject_id, e.data_subject_id_type, e.data_category, e.authorisation_rule, e.break_glass,
  e.processing_activity_id, pa.name AS processing_activity_name, e.legal_ground, e.purpose, e.trace_id,
  e.span_id, e.parent_span_id`;

export const EVENT_JOINS = `
  LEFT JOIN app_user u ON u.id = e.actor_user_id
  LEFT JOIN organisation o ON o.id = e.actor_organisation_id
  LEFT JOIN app_user b ON b.id = e.on_behalf_of_user_id
  LEFT JOIN processing_activity pa ON pa.id = e.processing_activity_id`;

/** A subject record's action row (its parent span), as `a` — for the action, object and outcome. */
export const ACTION_OF_RECORD = `
            LEFT JOIN LATERAL (
              SELECT p.action, p.outcome, p.object_type, p.object_id FROM audit_event p
              WHERE p.occurred_at = e.occurred_at AND p.span_id = e.parent_span_id AND p.data_subject_id IS NULL
              LIMIT 1) a ON true`;

/**
 * The FG's views of the audit log (DOMAIN.md §2.7–2.8, scenario 17). The app role may not read
 * `audit_event` (ADR 0017); these SECURITY DEFINER functions are its only way in. Each one checks
 * itself that the calling user (`app.user_id` / `app.organisation_id` of the request transaction)
 * holds FG_AUDITOR at a table of a region — with the same rules as every role check
 * (`cst_user_tables`: active user, organisation in the table's covenant) — and answers only about
 * persons and users of that region. Someone else gets nothing, which the API answers with 404.
 *
 * - `cst_audit_person_search`: persons of the region by family-name prefix, date of birth or case
 *   or registration number;
 * - `cst_audit_person`: one person of the region, with every person of the region with the same
 *   BSN (hash) — the same human in other cases — and their pseudonyms;
 * - `cst_audit_subject_events`: the records about those pseudonyms (one per person an action
 *   touched), newest first, each with its action's row;
 * - `cst_audit_region_users`, `cst_audit_user`, `cst_audit_user_events`: the same per user
 *   ("what did this user do"): their action rows, with the number of persons each touched.
 */
export class AuditViews1764440000000 implements MigrationInterface {
  name = 'AuditViews1764440000000';

  async up(q: QueryRunner): Promise<void> {
    // The regions where the calling user is FG/auditor. Internal: only the functions below call it.
    await q.query(`
      CREATE FUNCTION cst_audit_fg_regions() RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT coalesce(array_agg(DISTINCT t.region_id), '{}') FROM case_table t
        WHERE t.id = ANY (cst_user_tables('{FG_AUDITOR}'))
      $$`);
    // Where a person appears in the regions: cases, and registrations that did not become a case
    // with the same person (a case copies its registration's persons).
    await q.query(`
      CREATE FUNCTION cst_audit_person_links(p_regions uuid[], p_persons uuid[])
      RETURNS TABLE (person_id uuid, role text, case_number text, registration_number text, table_name text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT cp.person_id, cp.role, c.number, NULL, t.name
          FROM case_person cp JOIN casus c ON c.id = cp.case_id JOIN case_table t ON t.id = c.table_id
         WHERE t.region_id = ANY (p_regions) AND (p_persons IS NULL OR cp.person_id = ANY (p_persons))
        UNION ALL
        SELECT rp.person_id, rp.role, NULL, g.number, t.name
          FROM registration_person rp JOIN registration g ON g.id = rp.registration_id
          JOIN case_table t ON t.id = g.table_id
         WHERE t.region_id = ANY (p_regions) AND (p_persons IS NULL OR rp.person_id = ANY (p_persons))
           AND NOT EXISTS (SELECT 1 FROM casus c JOIN case_person cp ON cp.case_id = c.id
                           WHERE c.registration_id = g.id AND cp.person_id = rp.person_id)
      $$`);

    await q.query(`
      CREATE FUNCTION cst_audit_person_search(p_family_name text, p_date_of_birth date, p_number text)
      RETURNS TABLE (person_id uuid, given_name text, family_name text, date_of_birth date, role text,
                     case_number text, registration_number text, table_name text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH candidates AS (
          SELECT p.id FROM person p
          WHERE (p_family_name IS NULL OR starts_with(lower(p.family_name), lower(p_family_name)))
            AND (p_date_of_birth IS NULL OR p.date_of_birth = p_date_of_birth)
            AND (p_family_name IS NOT NULL OR p_date_of_birth IS NOT NULL)
          UNION
          SELECT cp.person_id FROM casus c JOIN case_person cp ON cp.case_id = c.id
          WHERE p_number IS NOT NULL AND upper(c.number) = upper(p_number)
          UNION
          SELECT rp.person_id FROM registration g JOIN registration_person rp ON rp.registration_id = g.id
          WHERE p_number IS NOT NULL AND upper(g.number) = upper(p_number)
        )
        SELECT p.id, p.given_name, p.family_name, p.date_of_birth, l.role, l.case_number, l.registration_number,
               l.table_name
        FROM cst_audit_person_links(cst_audit_fg_regions(), (SELECT array_agg(id) FROM candidates)) l
        JOIN person p ON p.id = l.person_id
        ORDER BY p.family_name, p.given_name, p.date_of_birth, l.case_number, l.registration_number
        LIMIT 100
      $$`);

    await q.query(`
      CREATE FUNCTION cst_audit_person(p_person uuid)
      RETURNS TABLE (person_id uuid, given_name text, family_name text, date_of_birth date, person_ids uuid[],
                     pseudonyms text[], links jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH regions AS (SELECT cst_audit_fg_regions() AS ids),
        me AS (
          SELECT p.* FROM person p
          WHERE p.id = p_person
            AND EXISTS (SELECT 1 FROM cst_audit_person_links((SELECT ids FROM regions), ARRAY[p_person]))
        ),
        same AS (
          SELECT p.id, p.pseudonym FROM person p, me
          WHERE p.id = me.id OR (me.bsn_hash IS NOT NULL AND p.bsn_hash = me.bsn_hash
            AND EXISTS (SELECT 1 FROM cst_audit_person_links((SELECT ids FROM regions), ARRAY[p.id])))
        )
        SELECT me.id, me.given_name, me.family_name, me.date_of_birth,
               (SELECT array_agg(id ORDER BY id) FROM same), (SELECT array_agg(pseudonym ORDER BY id) FROM same),
               (SELECT coalesce(jsonb_agg(jsonb_build_object('role', l.role, 'caseNumber', l.case_number,
                         'registrationNumber', l.registration_number, 'tableName', l.table_name)
                         ORDER BY l.case_number, l.registration_number), '[]')
                  FROM cst_audit_person_links((SELECT ids FROM regions), (SELECT array_agg(id) FROM same)) l)
        FROM me
      $$`);

    // The records about a person (all pseudonyms of cst_audit_person), newest first.
    await q.query(`
      CREATE FUNCTION cst_audit_subject_events(p_person uuid, p_from timestamptz, p_to timestamptz,
                                               p_limit integer, p_offset integer)
      RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH subjects AS (SELECT unnest(pseudonyms) AS pseudonym FROM cst_audit_person(p_person)),
        records AS (
          SELECT e.* FROM audit_event e
          WHERE e.data_subject_id IN (SELECT pseudonym FROM subjects)
            AND (p_from IS NULL OR e.occurred_at >= p_from) AND (p_to IS NULL OR e.occurred_at < p_to)
        )
        SELECT jsonb_build_object(
          'total', (SELECT count(*) FROM records),
          'items', coalesce((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.occurred_at DESC, x.seq DESC) FROM (
            SELECT ${EVENT_COLUMNS}
            FROM records e${ACTION_OF_RECORD}
            ${EVENT_JOINS}
            ORDER BY e.occurred_at DESC, e.seq DESC
            LIMIT p_limit OFFSET p_offset) x), '[]'))
      $$`);

    await q.query(`
      CREATE FUNCTION cst_audit_region_users(p_name text)
      RETURNS TABLE (user_id uuid, display_name text, organisation_id uuid, organisation_name text, active boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.display_name, o.id, o.name, u.active
        FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE o.region_id = ANY (cst_audit_fg_regions())
          AND (p_name IS NULL OR strpos(lower(u.display_name), lower(p_name)) > 0)
        ORDER BY u.display_name, o.name
        LIMIT 100
      $$`);
    await q.query(`
      CREATE FUNCTION cst_audit_user(p_user uuid)
      RETURNS TABLE (user_id uuid, display_name text, organisation_id uuid, organisation_name text, active boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.display_name, o.id, o.name, u.active
        FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.id = p_user AND o.region_id = ANY (cst_audit_fg_regions())
      $$`);
    // A user's actions (their action rows), newest first, with how many persons each touched.
    await q.query(`
      CREATE FUNCTION cst_audit_user_events(p_user uuid, p_from timestamptz, p_to timestamptz,
                                            p_limit integer, p_offset integer)
      RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH records AS (
          SELECT e.* FROM audit_event e
          WHERE e.actor_user_id = (SELECT user_id FROM cst_audit_user(p_user)) AND e.data_subject_id IS NULL
            AND (p_from IS NULL OR e.occurred_at >= p_from) AND (p_to IS NULL OR e.occurred_at < p_to)
        )
        SELECT jsonb_build_object(
          'total', (SELECT count(*) FROM records),
          'items', coalesce((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.occurred_at DESC, x.seq DESC) FROM (
            SELECT ${EVENT_COLUMNS},
                   (SELECT count(*) FROM audit_event c
                    WHERE c.actor_user_id = e.actor_user_id AND c.occurred_at = e.occurred_at
                      AND c.parent_span_id = e.span_id AND c.data_subject_id IS NOT NULL) AS subject_count
            FROM records e
            CROSS JOIN LATERAL (SELECT NULL::text AS action, NULL::text AS outcome, NULL::text AS object_type,
                                       NULL::text AS object_id) a
            ${EVENT_JOINS}
            ORDER BY e.occurred_at DESC, e.seq DESC
            LIMIT p_limit OFFSET p_offset) x), '[]'))
      $$`);

    const internal = ['cst_audit_fg_regions()', 'cst_audit_person_links(uuid[], uuid[])'].join(', ');
    const api = [
      'cst_audit_person_search(text, date, text)',
      'cst_audit_person(uuid)',
      'cst_audit_subject_events(uuid, timestamptz, timestamptz, integer, integer)',
      'cst_audit_region_users(text)',
      'cst_audit_user(uuid)',
      'cst_audit_user_events(uuid, timestamptz, timestamptz, integer, integer)',
    ].join(', ');
    await q.query(`REVOKE ALL ON FUNCTION ${internal}, ${api} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${api} TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION cst_audit_user_events(uuid, timestamptz, timestamptz, integer, integer), cst_audit_user(uuid),
        cst_audit_region_users(text), cst_audit_subject_events(uuid, timestamptz, timestamptz, integer, integer),
        cst_audit_person(uuid), cst_audit_person_search(text, date, text),
        cst_audit_person_links(uuid[], uuid[]), cst_audit_fg_regions()`);
  }
}
