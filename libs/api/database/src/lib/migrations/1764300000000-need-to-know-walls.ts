import type { MigrationInterface, QueryRunner } from 'typeorm';

const CASE_ROLES = `'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}'`;
const TRIAGE_ROLES = `'{TRIAGIST,PROCESREGISSEUR}'`;
const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
/** The tables where the acting user holds one of the roles, once per statement (an initPlan). */
const TABLES = (roles: string) => `((select cst_user_tables(${roles}))::uuid[])`;

/**
 * The second wall, tightened and flattened (ADR 0016), after the generated authorization tests and
 * the benchmarks:
 * - a role counts only while the user is active and the organisation takes part in the table's
 *   covenant (SIGNATORY or GUEST, within its dates) — as the session counts it;
 * - a destroyed case exists for nobody;
 * - participant lists need a case role at the table;
 * - child tables ask one SECURITY DEFINER helper about their parent instead of re-entering the
 *   parent's policies (nested policies were planned on every statement: P1, P3);
 * - `cst_access` reads as the owner (it returns a level, never rows) and checks the role itself.
 */
export class NeedToKnowWalls1764300000000 implements MigrationInterface {
  name = 'NeedToKnowWalls1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_user_tables(p_roles text[]) RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce(array_agg(DISTINCT r.table_id), '{}')
        FROM user_table_role r
        JOIN app_user u ON u.id = r.user_id AND u.active
        JOIN table_membership m ON m.table_id = r.table_id AND m.organisation_id = u.organisation_id
             AND m.status IN ('SIGNATORY', 'GUEST') AND m.since <= current_date
             AND (m.until IS NULL OR m.until >= current_date)
        WHERE r.user_id = nullif(current_setting('app.user_id', true), '')::uuid
          AND u.organisation_id = ${ORG}
          AND r.role = ANY (p_roles)
      $$`);
    // The case exists for the actor: not destroyed, at one of the given tables, and the actor's
    // organisation takes part.
    await q.query(`
      CREATE FUNCTION cst_case_visible(p_case uuid, p_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM casus c
                       JOIN case_participant p ON p.case_id = c.id AND p.organisation_id = ${ORG}
                       WHERE c.id = p_case AND c.state <> 'VERNIETIGD' AND c.table_id = ANY (p_tables))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_embargo_whitelisted(p_case uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM casus c JOIN case_table t ON t.id = c.table_id
                       JOIN organisation o ON o.id = ${ORG}
                       WHERE c.id = p_case AND o.partner_type = ANY (t.embargo_partner_types))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_item_visible(p_item uuid, p_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM case_item i
                       WHERE i.id = p_item AND cst_case_visible(i.case_id, p_tables)
                         AND (i.sensitivity <> 'EMBARGO' OR i.author_organisation_id = ${ORG}
                              OR cst_embargo_whitelisted(i.case_id)))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_registration_visible(p_registration uuid, p_triage_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM registration g WHERE g.id = p_registration
                       AND (g.registering_organisation_id = ${ORG} OR g.table_id = ANY (p_triage_tables)))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_person_visible(p_person uuid, p_case_tables uuid[], p_triage_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM case_person cp WHERE cp.person_id = p_person
                       AND cst_case_visible(cp.case_id, p_case_tables))
            OR EXISTS (SELECT 1 FROM registration_person rp WHERE rp.person_id = p_person
                       AND cst_registration_visible(rp.registration_id, p_triage_tables))
      $$`);
    const helpers = [
      'cst_user_tables(text[])',
      'cst_case_visible(uuid, uuid[])',
      'cst_item_visible(uuid, uuid[])',
      'cst_embargo_whitelisted(uuid)',
      'cst_registration_visible(uuid, uuid[])',
      'cst_person_visible(uuid, uuid[], uuid[])',
    ].join(', ');
    await q.query(`REVOKE ALL ON FUNCTION ${helpers} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${helpers} TO casustafel_app`);

    const CASE = TABLES(CASE_ROLES);
    const TRIAGE = TABLES(TRIAGE_ROLES);
    const replace = async (table: string, policy: string, definition: string) => {
      await q.query(`DROP POLICY ${policy} ON ${table}`);
      await q.query(`CREATE POLICY ${policy} ON ${table} ${definition}`);
    };

    await replace(
      'casus',
      'casus_participants',
      `FOR ALL TO casustafel_app
        USING (casus.state <> 'VERNIETIGD' AND casus.table_id = ANY ${CASE} AND cst_participates(casus.id))
        WITH CHECK (casus.table_id = ANY ${CASE})`,
    );
    await replace(
      'case_participant',
      'case_participant_visible',
      `FOR SELECT TO casustafel_app USING (cst_case_visible(case_id, ${CASE}))`,
    );
    await replace(
      'case_participant',
      'case_participant_manage',
      `FOR INSERT TO casustafel_app
        WITH CHECK (cst_case_table(case_id) = ANY ${TABLES(`'{TRIAGIST,PROCESREGISSEUR,VOORZITTER}'`)})`,
    );
    await replace(
      'case_participant',
      'case_participant_remove',
      `FOR DELETE TO casustafel_app
        USING (cst_case_visible(case_id, ${TABLES(`'{PROCESREGISSEUR,VOORZITTER}'`)}))`,
    );
    for (const table of ['case_person', 'disclosure', 'information_request', 'case_mensenhandel']) {
      await replace(
        table,
        `${table}_case`,
        `FOR ALL TO casustafel_app
          USING (cst_case_visible(${table}.case_id, ${CASE}))
          WITH CHECK (cst_case_visible(${table}.case_id, ${CASE}))`,
      );
    }
    await replace(
      'case_item',
      'case_item_need_to_know',
      `FOR ALL TO casustafel_app
        USING (cst_case_visible(case_item.case_id, ${CASE})
               AND (case_item.sensitivity <> 'EMBARGO' OR case_item.author_organisation_id = ${ORG}
                    OR cst_embargo_whitelisted(case_item.case_id)))
        WITH CHECK (case_item.author_organisation_id = ${ORG} AND cst_case_visible(case_item.case_id, ${CASE}))`,
    );
    await replace(
      'case_item_attachment',
      'case_item_attachment_item',
      `FOR ALL TO casustafel_app
        USING (cst_item_visible(case_item_attachment.item_id, ${CASE}))
        WITH CHECK (cst_item_visible(case_item_attachment.item_id, ${CASE}))`,
    );
    await replace(
      'registration',
      'registration_registrant_or_triage',
      `FOR ALL TO casustafel_app
        USING (registering_organisation_id = ${ORG} OR registration.table_id = ANY ${TRIAGE})
        WITH CHECK (registering_organisation_id = ${ORG} OR registration.table_id = ANY ${TRIAGE})`,
    );
    await replace(
      'registration_person',
      'registration_person_registration',
      `FOR ALL TO casustafel_app
        USING (cst_registration_visible(registration_person.registration_id, ${TRIAGE}))
        WITH CHECK (cst_registration_visible(registration_person.registration_id, ${TRIAGE}))`,
    );
    await replace(
      'person',
      'person_linked',
      `FOR SELECT TO casustafel_app USING (cst_person_visible(person.id, ${CASE}, ${TRIAGE}))`,
    );
    await replace(
      'person',
      'person_update',
      `FOR UPDATE TO casustafel_app USING (cst_person_visible(person.id, ${CASE}, ${TRIAGE}))`,
    );

    // The policy function reads as the owner: it returns only a level, and checks participation,
    // state and the actor's case role itself (no nested policies per call).
    await q.query(`
      CREATE OR REPLACE FUNCTION cst_access(p_case uuid, p_category text, p_sensitivity text, p_owners uuid[], p_item uuid)
      RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH actor AS (
          SELECT o.id AS org, o.partner_type FROM organisation o WHERE o.id = ${ORG}
        ), ctx AS (
          SELECT c.state, c.table_id, t.matrix_version, t.embargo_partner_types, p.basis, a.org, a.partner_type
          FROM casus c
          JOIN case_table t ON t.id = c.table_id
          CROSS JOIN actor a
          LEFT JOIN case_participant p ON p.case_id = c.id AND p.organisation_id = a.org
          WHERE c.id = p_case AND c.table_id = ANY (cst_user_tables(${CASE_ROLES}))
        )
        SELECT CASE
          WHEN ctx.state IS NULL OR ctx.state = 'VERNIETIGD' OR ctx.basis IS NULL THEN 'NONE'
          WHEN ctx.org = ANY (p_owners) THEN 'FULL:OWN'
          WHEN p_sensitivity = 'EMBARGO' THEN
            CASE WHEN ctx.partner_type = ANY (ctx.embargo_partner_types) THEN 'FULL:EMBARGO_WHITELIST' ELSE 'NONE' END
          WHEN EXISTS (SELECT 1 FROM disclosure d WHERE d.case_id = p_case AND d.to_organisation_id = ctx.org
                       AND d.state = 'APPROVED' AND ((p_item IS NOT NULL AND p_item = ANY (d.item_ids))
                                                    OR (p_category = ANY (d.categories)
                                                        AND d.from_organisation_id = ANY (p_owners)))) THEN 'FULL:DISCLOSURE'
          WHEN ctx.basis = 'GUEST' THEN 'NONE'
          ELSE COALESCE((SELECT CASE r.level
                                  WHEN 'FULL' THEN CASE WHEN p_sensitivity = 'GEVOELIG' THEN 'SUMMARY' ELSE 'FULL:MATRIX' END
                                  WHEN 'SUMMARY' THEN 'SUMMARY'
                                  ELSE 'NONE' END
                         FROM visibility_rule r
                         WHERE r.table_id = ctx.table_id AND r.version = ctx.matrix_version
                           AND r.category = p_category AND r.partner_type = ctx.partner_type), 'NONE')
        END
        FROM (SELECT 1) one LEFT JOIN ctx ON true
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_access(uuid, text, text, uuid[], uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_access(uuid, text, text, uuid[], uuid) TO casustafel_app`);
  }

  async down(): Promise<void> {
    throw new Error(
      'Not reversible: restore the policies of AddCasesAndNeedToKnow1764200000000 from a backup.',
    );
  }
}
