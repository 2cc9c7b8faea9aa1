import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `ARRAY['C1','C1B','C2','C3','C4','C5','C6','C7','C8','C9','C10','C11','C12','C13','C14']::text[]`;
const CASE_ROLES = `'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}'`;
const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
/** The tables where the acting user holds one of the roles, once per statement (an initPlan). */
const TABLES = (roles: string) => `((select cst_user_tables(${roles}))::uuid[])`;
/** The longest a grant may run, whatever BREAK_GLASS_MINUTES says. */
const MAX_MINUTES = 240;

/**
 * Break-the-glass (noodknop; DOMAIN.md §2.7, b.3; ADR 0020):
 * - `break_glass`: a procesregisseur opens one item of a case they manage, with a written reason,
 *   for a limited time; the FG of the table reviews every opening afterwards (justified or not,
 *   with a note when not);
 * - `cst_now()`: the application's clock (`app.now`, set per request transaction and by
 *   `cst_case_read`), so expiry follows the same clock in SQL as in TypeScript (tests move it);
 * - `cst_access`: the body of ConsentAndInforming1764410000000 plus one rule after the disclosure
 *   rule: an active grant of this user for this item, while the user is procesregisseur at the
 *   table, gives FULL as `FULL:BREAK_GLASS:<grant id>`. Embargo comes first and is never broken;
 * - `cst_case_read`: as TamperEvidentAudit1764400000000 made it, plus `app.now`, the grant on the
 *   item (`breakGlass: {id, expiresAt}`) and a flagged audit read per item shown under a grant;
 * - `cst_break_glass_reviews()`: the FG's queue (SECURITY DEFINER: the FG sees no case, but needs
 *   the case number); only the tables where the user is FG/auditor.
 */
export class BreakTheGlass1764450000000 implements MigrationInterface {
  name = 'BreakTheGlass1764450000000';

  async up(q: QueryRunner): Promise<void> {
    // An opening names an item of its own case.
    await q.query(`ALTER TABLE case_item ADD CONSTRAINT case_item_case_id_id_key UNIQUE (case_id, id)`);
    await q.query(`
      CREATE TABLE break_glass (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        item_id uuid NOT NULL,
        -- The item's category when it was opened: what the FG reviews, never the content.
        category text NOT NULL CHECK (category = ANY (${CATEGORIES})),
        user_id uuid NOT NULL REFERENCES app_user(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 2000),
        opened_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        review_outcome text CHECK (review_outcome IN ('GERECHTVAARDIGD', 'NIET_GERECHTVAARDIGD')),
        review_note text CHECK (length(review_note) <= 2000),
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        FOREIGN KEY (case_id, item_id) REFERENCES case_item(case_id, id) ON DELETE CASCADE,
        CHECK (expires_at > opened_at AND expires_at <= opened_at + interval '${MAX_MINUTES} minutes'),
        CHECK ((review_outcome IS NULL) = (reviewed_by IS NULL) AND (reviewed_by IS NULL) = (reviewed_at IS NULL)),
        CHECK (review_outcome IS DISTINCT FROM 'NIET_GERECHTVAARDIGD' OR length(btrim(coalesce(review_note, ''))) > 0),
        -- Nobody reviews their own opening.
        CHECK (reviewed_by IS DISTINCT FROM user_id)
      )`);
    // cst_access asks per item for the user's grant; the queue lists per case.
    await q.query(`CREATE INDEX break_glass_item_user_idx ON break_glass (item_id, user_id, expires_at)`);
    await q.query(`CREATE INDEX break_glass_case_idx ON break_glass (case_id, opened_at)`);

    const FG = TABLES(`'{FG_AUDITOR}'`);
    await q.query(`ALTER TABLE break_glass ENABLE ROW LEVEL SECURITY`);
    // The opener reads their own; the FG/auditor of the case's table reads every opening there.
    await q.query(`
      CREATE POLICY break_glass_read ON break_glass FOR SELECT TO casustafel_app
        USING (user_id = ${USER} OR cst_case_table(case_id) = ANY ${FG})`);
    // Opened by a procesregisseur of the case's table whose organisation takes part, for
    // themselves, never on an embargoed item (embargo is not broken; ADR 0020).
    await q.query(`
      CREATE POLICY break_glass_open ON break_glass FOR INSERT TO casustafel_app
        WITH CHECK (user_id = ${USER} AND organisation_id = ${ORG}
                    AND cst_case_visible(case_id, ${TABLES(`'{PROCESREGISSEUR}'`)})
                    AND EXISTS (SELECT 1 FROM case_item i WHERE i.id = break_glass.item_id
                                AND i.case_id = break_glass.case_id AND i.sensitivity <> 'EMBARGO'))`);
    await q.query(`
      CREATE POLICY break_glass_review ON break_glass FOR UPDATE TO casustafel_app
        USING (cst_case_table(case_id) = ANY ${FG})
        WITH CHECK (cst_case_table(case_id) = ANY ${FG} AND reviewed_by = ${USER})`);
    await q.query(`GRANT SELECT, INSERT ON break_glass TO casustafel_app`);
    await q.query(
      `GRANT UPDATE (review_outcome, review_note, reviewed_by, reviewed_at, version) ON break_glass TO casustafel_app`,
    );

    await q.query(`
      CREATE FUNCTION cst_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now())
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_now() TO casustafel_app`);

    await q.query(accessFunction());
    await q.query(CASE_READ);
    await this.reviews(q);
  }

  /** The FG's queue: unreviewed first, then newest first; category, never content. */
  private async reviews(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_break_glass_reviews()
      RETURNS TABLE (id uuid, case_id uuid, case_number text, table_name text, item_id uuid, category text,
                     user_name text, organisation_name text, partner_type text, reason text,
                     opened_at timestamptz, expires_at timestamptz, review_outcome text, review_note text,
                     reviewed_by_name text, reviewed_at timestamptz, version integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT b.id, b.case_id, c.number, t.name, b.item_id, b.category, u.display_name, o.name, o.partner_type,
               b.reason, b.opened_at, b.expires_at, b.review_outcome, b.review_note, r.display_name,
               b.reviewed_at, b.version
        FROM break_glass b
        JOIN casus c ON c.id = b.case_id
        JOIN case_table t ON t.id = c.table_id
        JOIN app_user u ON u.id = b.user_id
        JOIN organisation o ON o.id = b.organisation_id
        LEFT JOIN app_user r ON r.id = b.reviewed_by
        WHERE c.table_id = ANY (cst_user_tables('{FG_AUDITOR}'))
        ORDER BY b.review_outcome IS NOT NULL, b.opened_at DESC
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_break_glass_reviews() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_break_glass_reviews() TO casustafel_app`);
  }

  async down(): Promise<void> {
    // cst_case_read now reads break_glass; restoring the earlier function text belongs to a backup.
    throw new Error(
      'Not reversible: restore cst_access and cst_case_read of 1764410000000/1764400000000 from a backup.',
    );
  }
}

/**
 * cst_access as ConsentAndInforming1764410000000 left it (with the consent rule), plus the
 * break-glass rule after the disclosure rule: the user's active grant for this item (`g`).
 */
function accessFunction(): string {
  return accessFunctionSql('cst_access', { breakGlass: true });
}

/**
 * The body of the one access policy in SQL (the face of decide() for lists), as a statement that
 * creates (or replaces) a function `name(p_case, p_category, p_sensitivity, p_owners, p_item)`.
 * With `breakGlass` the acting user's running openings count (`cst_access`); without, the answer is
 * the context organisation's alone (`cst_org_access`, the live room's projection per organisation,
 * CaseConferenceProjection1764481000000). Exported so later migrations reuse the body, not a copy.
 * With `ignoreExtracts` the disclosure rule skips the disclosure record of a need-to-know extract
 * (`disclosure.extract_id`, Extracts1764490000000): an extract hands over a document, it grants no
 * standing access to the case. Without it the text is exactly what the earlier migrations created.
 */
export function accessFunctionSql(
  name: string,
  options: { breakGlass: boolean; ignoreExtracts?: boolean },
): string {
  const extractRule = options.ignoreExtracts ? ' AND d.extract_id IS NULL' : '';
  const grant = options.breakGlass
    ? `
          LEFT JOIN LATERAL (SELECT b.id FROM break_glass b
                             WHERE p_item IS NOT NULL AND b.item_id = p_item AND b.case_id = c.id
                               AND b.user_id = ${USER} AND b.organisation_id = a.org
                               AND b.opened_at <= cst_now() AND b.expires_at > cst_now()
                             ORDER BY b.expires_at DESC LIMIT 1) g ON true`
    : '';
  const grantRule = options.breakGlass
    ? `
          WHEN ctx.grant_id IS NOT NULL AND ctx.table_id = ANY (cst_user_tables('{PROCESREGISSEUR}'))
            THEN 'FULL:BREAK_GLASS:' || ctx.grant_id`
    : '';
  const grantColumn = options.breakGlass ? ', g.id AS grant_id' : '';
  return `
      CREATE OR REPLACE FUNCTION ${name}(p_case uuid, p_category text, p_sensitivity text, p_owners uuid[], p_item uuid)
      RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH actor AS (
          SELECT o.id AS org, o.partner_type FROM organisation o WHERE o.id = ${ORG}
        ), ctx AS (
          SELECT c.state, c.table_id, t.matrix_version, t.embargo_partner_types, p.basis, a.org, a.partner_type${grantColumn}
          FROM casus c
          JOIN case_table t ON t.id = c.table_id
          CROSS JOIN actor a
          LEFT JOIN case_participant p ON p.case_id = c.id AND p.organisation_id = a.org${grant}
          WHERE c.id = p_case AND c.table_id = ANY (cst_user_tables(${CASE_ROLES}))
        )
        SELECT CASE
          WHEN ctx.state IS NULL OR ctx.state = 'VERNIETIGD' OR ctx.basis IS NULL THEN 'NONE'
          WHEN ctx.org = ANY (p_owners) THEN 'FULL:OWN'
          WHEN p_sensitivity = 'EMBARGO' THEN
            CASE WHEN ctx.partner_type = ANY (ctx.embargo_partner_types) THEN 'FULL:EMBARGO_WHITELIST' ELSE 'NONE' END
          WHEN EXISTS (SELECT 1 FROM disclosure d WHERE d.case_id = p_case AND d.to_organisation_id = ctx.org
                       AND d.state = 'APPROVED'${extractRule} AND ((p_item IS NOT NULL AND p_item = ANY (d.item_ids))
                                                    OR (p_category = ANY (d.categories)
                                                        AND d.from_organisation_id = ANY (p_owners)))
                       AND (d.consent_id IS NULL OR EXISTS (SELECT 1 FROM consent_record k
                                                            WHERE k.id = d.consent_id AND k.withdrawn_at IS NULL))) THEN 'FULL:DISCLOSURE'${grantRule}
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
      $$`;
}

/**
 * `cst_case_read` as TamperEvidentAudit1764400000000 made it, plus: `app.now` from `p_at` (the
 * grant's expiry on the application's clock), the grant on an item shown under it, and a flagged
 * `case.item.read` audit row per such item (rule `BREAK_GLASS:<id>`, one child row per person).
 */
const CASE_READ = `
      CREATE OR REPLACE FUNCTION cst_case_read(p_case uuid, p_user uuid, p_org uuid, p_session uuid, p_roles text[],
                                    p_origin text, p_trace text, p_span text, p_at timestamptz)
      RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_case casus%ROWTYPE;
        v_table case_table%ROWTYPE;
        v_manager boolean;
        v_result jsonb;
        v_item record;
        v_span text;
      BEGIN
        PERFORM set_config('app.user_id', p_user::text, true),
                set_config('app.organisation_id', p_org::text, true),
                set_config('app.session_id', coalesce(p_session::text, ''), true),
                set_config('app.now', p_at::text, true);
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
                        'breakGlass', CASE WHEN split_part(x.acc, ':', 2) = 'BREAK_GLASS' THEN
                          (SELECT jsonb_build_object('id', b.id, 'expiresAt', b.expires_at) FROM break_glass b
                           WHERE b.id = split_part(x.acc, ':', 3)::uuid) END,
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
        -- Every item shown under a break-glass grant (noodknop): a read of its own, flagged, naming
        -- the grant, with a child row per person of the case (NEN 7513, ADR 0020).
        FOR v_item IN SELECT e->>'id' AS id, e->>'category' AS category, e->'breakGlass'->>'id' AS grant_id
                      FROM jsonb_array_elements(v_result->'items') e WHERE e->>'grantedBy' = 'BREAK_GLASS' LOOP
          v_span := cst_audit_span_id();
          INSERT INTO audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id,
                                   actor_organisation_id, actor_roles, session_id, origin, object_type, object_id,
                                   data_subject_id, data_subject_id_type, data_category, authorisation_rule, break_glass,
                                   processing_activity_id, trace_id, span_id, parent_span_id, details)
          SELECT p_at, 'case.item.read', 'OK', p_user, p_user, p_org, p_roles, p_session, p_origin, 'case_item',
                 v_item.id, s.data_subject_id, s.data_subject_id_type, v_item.category,
                 'BREAK_GLASS:' || v_item.grant_id, true, v_table.processing_activity_id, p_trace,
                 CASE WHEN s.data_subject_id IS NULL THEN v_span ELSE cst_audit_span_id() END,
                 CASE WHEN s.data_subject_id IS NULL THEN p_span ELSE v_span END,
                 CASE WHEN s.data_subject_id IS NULL
                      THEN jsonb_build_object('caseId', p_case, 'breakGlassId', v_item.grant_id) ELSE '{}'::jsonb END
          FROM (SELECT NULL::text, NULL::text, NULL::text
                UNION ALL SELECT * FROM cst_audit_subjects(ARRAY[p_case], NULL, NULL))
               AS s (data_subject_id, data_subject_id_type, processing_activity_id);
        END LOOP;
        RETURN v_result;
      END $$`;
