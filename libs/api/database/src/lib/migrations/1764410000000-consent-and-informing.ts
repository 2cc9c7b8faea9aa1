import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `ARRAY['C1','C1B','C2','C3','C4','C5','C6','C7','C8','C9','C10','C11','C12','C13','C14']::text[]`;
const CASE_ROLES = `'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}'`;
const MANAGER_ROLES = `'{PROCESREGISSEUR,VOORZITTER}'`;
const WRITER_ROLES = `'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR}'`;
const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
/** The tables where the acting user holds one of the roles, once per statement (an initPlan). */
const TABLES = (roles: string) => `((select cst_user_tables(${roles}))::uuid[])`;
/** A Dutch calendar day of a moment: consent dates and review dates are Dutch days. */
const DUTCH_DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * The consent register and the informing status per case (DOMAIN.md §2.3, §2.5, b.1):
 * - consent_record: who consented (a person of the case), to what (kind; organisations, categories
 *   and purpose), how (given by, form, evidence), recorded by whom; withdrawn once, never undone.
 *   A disclosure may cite one (same case, enforced by the key);
 * - case_informing: append-only history of the informing status; the latest row counts;
 * - cst_access: a disclosure citing a withdrawn consent no longer grants anything (the same rule
 *   as decide() in libs/api/access).
 * Reading follows the case; recording, withdrawing and setting the status have a second wall in
 * the policies (managers; for a withdrawal also writers of the recording organisation).
 */
export class ConsentAndInforming1764410000000 implements MigrationInterface {
  name = 'ConsentAndInforming1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        person_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TOESTEMMING_GEGEVENSDELING','INSTEMMING_AANPAK','BEROEPSGEHEIM_DOORBREKING')),
        scope_organisation_ids uuid[] NOT NULL CHECK (cardinality(scope_organisation_ids) > 0),
        scope_categories text[] NOT NULL
          CHECK (cardinality(scope_categories) > 0 AND scope_categories <@ ${CATEGORIES}),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
        given_by text NOT NULL CHECK (given_by IN ('BETROKKENE','WETTELIJK_VERTEGENWOORDIGER')),
        form text NOT NULL CHECK (form IN ('SCHRIFTELIJK','MONDELING')),
        evidence_type text NOT NULL CHECK (evidence_type IN ('FORMULIER_GETEKEND','GESPREKSVERSLAG','EMAIL','ANDERS')),
        evidence_item_id uuid REFERENCES case_item(id),
        given_at date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_organisation_id uuid NOT NULL REFERENCES organisation(id),
        recorded_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawal_note text CHECK (length(withdrawal_note) <= 2000),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (case_id, id),
        -- The person is one of the case's persons.
        FOREIGN KEY (case_id, person_id) REFERENCES case_person(case_id, person_id),
        CHECK (given_at <= ${DUTCH_DAY('recorded_at')}),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
        CHECK (withdrawn_at IS NULL OR withdrawn_at >= recorded_at)
      )`);
    // A withdrawal is final, and an update is only ever a withdrawal (the app role may update the
    // withdrawal columns only).
    await q.query(`
      CREATE FUNCTION cst_consent_withdraw_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL THEN
          RAISE EXCEPTION 'consent % can only be withdrawn, once', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER consent_record_withdraw_once BEFORE UPDATE ON consent_record
        FOR EACH ROW EXECUTE FUNCTION cst_consent_withdraw_once()`);

    // A disclosure may cite a consent of its own case.
    await q.query(`ALTER TABLE disclosure ADD COLUMN consent_id uuid`);
    await q.query(`
      ALTER TABLE disclosure ADD CONSTRAINT disclosure_consent_fk
        FOREIGN KEY (case_id, consent_id) REFERENCES consent_record(case_id, id)`);
    await q.query(
      `CREATE INDEX disclosure_consent_idx ON disclosure (consent_id) WHERE consent_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE case_informing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 1),
        status text NOT NULL CHECK (status IN ('INFORMED','DEFERRED','NOT_INFORMED')),
        reason_code text,
        reason text CHECK (length(reason) <= 2000),
        review_at date,
        set_by uuid NOT NULL REFERENCES app_user(id),
        set_organisation_id uuid NOT NULL REFERENCES organisation(id),
        set_at timestamptz NOT NULL,
        UNIQUE (case_id, seq),
        CHECK (CASE status
                 WHEN 'INFORMED' THEN reason_code IS NULL AND review_at IS NULL
                 WHEN 'DEFERRED' THEN reason_code IN ('LOPEND_ONDERZOEK','VEILIGHEID_BETROKKENE','VEILIGHEID_ANDEREN','ANDERS')
                                      AND review_at IS NOT NULL AND review_at >= ${DUTCH_DAY('set_at')}
                 ELSE reason_code IN ('AVG_23_OPSPORING','AVG_23_BESCHERMING_BETROKKENE','AVG_23_RECHTEN_ANDEREN','ANDERS')
                      AND review_at IS NULL
               END),
        CHECK (reason_code IS DISTINCT FROM 'ANDERS' OR length(btrim(coalesce(reason, ''))) > 0)
      )`);
    // The reminders: deferrals by review date.
    await q.query(
      `CREATE INDEX case_informing_review_idx ON case_informing (review_at) WHERE status = 'DEFERRED'`,
    );

    await this.rowLevelSecurity(q);

    await q.query(`GRANT SELECT, INSERT ON consent_record, case_informing TO casustafel_app`);
    await q.query(
      `GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_note, version) ON consent_record TO casustafel_app`,
    );

    await q.query(accessFunction(true));
    await q.query(`REVOKE ALL ON FUNCTION cst_access(uuid, text, text, uuid[], uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_access(uuid, text, text, uuid[], uuid) TO casustafel_app`);
  }

  private async rowLevelSecurity(q: QueryRunner): Promise<void> {
    const CASE = TABLES(CASE_ROLES);
    const MANAGERS = TABLES(MANAGER_ROLES);
    const WRITERS = TABLES(WRITER_ROLES);
    for (const table of ['consent_record', 'case_informing']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${table}_case ON ${table} FOR SELECT TO casustafel_app
          USING (cst_case_visible(${table}.case_id, ${CASE}))`);
    }
    await q.query(`
      CREATE POLICY consent_record_record ON consent_record FOR INSERT TO casustafel_app
        WITH CHECK (cst_case_visible(consent_record.case_id, ${MANAGERS})
                    AND recorded_by = ${USER} AND recorded_organisation_id = ${ORG})`);
    const mayWithdraw = `(cst_case_visible(consent_record.case_id, ${MANAGERS})
        OR (recorded_organisation_id = ${ORG} AND cst_case_visible(consent_record.case_id, ${WRITERS})))`;
    await q.query(`
      CREATE POLICY consent_record_withdraw ON consent_record FOR UPDATE TO casustafel_app
        USING ${mayWithdraw}
        WITH CHECK (${mayWithdraw} AND withdrawn_by = ${USER})`);
    await q.query(`
      CREATE POLICY case_informing_set ON case_informing FOR INSERT TO casustafel_app
        WITH CHECK (cst_case_visible(case_informing.case_id, ${MANAGERS})
                    AND set_by = ${USER} AND set_organisation_id = ${ORG})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(accessFunction(false));
    await q.query(`ALTER TABLE disclosure DROP CONSTRAINT disclosure_consent_fk`);
    await q.query(`ALTER TABLE disclosure DROP COLUMN consent_id`);
    await q.query(`DROP TABLE case_informing, consent_record`);
    await q.query(`DROP FUNCTION cst_consent_withdraw_once()`);
  }
}

/**
 * cst_access as NeedToKnowWalls1764300000000 left it, with one more condition on the disclosure
 * rule when `consent` is set: a disclosure that cites a consent grants only while that consent is
 * not withdrawn (disclosures on other grounds are untouched).
 */
function accessFunction(consent: boolean): string {
  const consentStands = consent
    ? `
                       AND (d.consent_id IS NULL OR EXISTS (SELECT 1 FROM consent_record k
                                                            WHERE k.id = d.consent_id AND k.withdrawn_at IS NULL))`
    : '';
  return `
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
                                                        AND d.from_organisation_id = ANY (p_owners)))${consentStands}) THEN 'FULL:DISCLOSURE'
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
