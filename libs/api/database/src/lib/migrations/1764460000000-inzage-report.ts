import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTION_OF_RECORD, EVENT_COLUMNS, EVENT_JOINS } from './1764440000000-audit-views';

/** At most this many access records go into one report (the report says when there are more). */
const ACCESS_LIMIT = 5000;

/**
 * The inzage report (ADR 0021, 0022): what the joint controllers hold on the person of an INZAGE
 * request and who had access to it. The contactpunt takes part in no case and may not read the
 * audit log, so three SECURITY DEFINER functions answer for one request only, after checking
 * themselves that the caller is CONTACTPUNT of the request's region (`cst_rights_report_allowed`,
 * internal) and that the request is an INZAGE request that has gone out:
 *
 * - `cst_rights_report_cases`: the matched cases with number, table and the person's role;
 * - `cst_rights_report_items`: per matched case the items (date, category, author organisation,
 *   sensitivity and title — never the body);
 * - `cst_rights_report_access`: the audit records about the matched persons' pseudonyms, oldest
 *   first, with the same columns as the FG's view (cst_audit_subject_events).
 */
export class InzageReport1764460000000 implements MigrationInterface {
  name = 'InzageReport1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_rights_report_allowed(p_request uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (
          SELECT 1 FROM rights_request r
          WHERE r.id = p_request AND r.type = 'INZAGE' AND r.status IN ('IN_BEHANDELING', 'AFGEROND')
            AND r.region_id = ANY (cst_user_regions('{CONTACTPUNT}')))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_rights_report_cases(p_request uuid)
      RETURNS TABLE (case_id uuid, case_number text, table_name text, person_id uuid, role text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.id, c.number, t.name, rp.person_id, cp.role
        FROM rights_request_person rp
        JOIN casus c ON c.id = rp.case_id AND c.state <> 'VERNIETIGD'
        JOIN case_table t ON t.id = c.table_id
        JOIN case_person cp ON cp.case_id = rp.case_id AND cp.person_id = rp.person_id
        WHERE rp.request_id = p_request AND cst_rights_report_allowed(p_request)
        ORDER BY c.number
      $$`);
    await q.query(`
      CREATE FUNCTION cst_rights_report_items(p_request uuid)
      RETURNS TABLE (case_id uuid, organisation_id uuid, created_at timestamptz, category text, sensitivity text,
                     title text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT i.case_id, i.author_organisation_id, i.created_at, i.category, i.sensitivity, i.title
        FROM case_item i
        JOIN casus c ON c.id = i.case_id AND c.state <> 'VERNIETIGD'
        WHERE i.case_id IN (SELECT rp.case_id FROM rights_request_person rp WHERE rp.request_id = p_request)
          AND cst_rights_report_allowed(p_request)
        ORDER BY i.case_id, i.created_at, i.id
      $$`);
    await q.query(`
      CREATE FUNCTION cst_rights_report_access(p_request uuid)
      RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH subjects AS (
          SELECT p.pseudonym FROM rights_request_person rp JOIN person p ON p.id = rp.person_id
          WHERE rp.request_id = p_request AND cst_rights_report_allowed(p_request)
        ),
        records AS (SELECT e.* FROM audit_event e WHERE e.data_subject_id IN (SELECT pseudonym FROM subjects))
        SELECT jsonb_build_object(
          'total', (SELECT count(*) FROM records),
          'items', coalesce((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.occurred_at, x.seq) FROM (
            SELECT ${EVENT_COLUMNS}
            FROM records e${ACTION_OF_RECORD}
            ${EVENT_JOINS}
            ORDER BY e.occurred_at, e.seq
            LIMIT ${ACCESS_LIMIT}) x), '[]'))
      $$`);

    const api = [
      'cst_rights_report_cases(uuid)',
      'cst_rights_report_items(uuid)',
      'cst_rights_report_access(uuid)',
    ].join(', ');
    await q.query(`REVOKE ALL ON FUNCTION cst_rights_report_allowed(uuid), ${api} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${api} TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION cst_rights_report_access(uuid), cst_rights_report_items(uuid), cst_rights_report_cases(uuid),
        cst_rights_report_allowed(uuid)`);
  }
}
