import type { MigrationInterface, QueryRunner } from 'typeorm';

const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
/** Regions where the acting user holds one of the roles, once per statement (an initPlan). */
const REGIONS = (roles: string) => `((select cst_user_regions(${roles}))::uuid[])`;
const CONTACTPUNT = REGIONS(`'{CONTACTPUNT}'`);
/** The roles that hold `rights.tasks` (ROLE_PERMISSIONS): the case roles that write case content. */
const TASK_HOLDERS = REGIONS(`'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR}'`);
const ROLES_BEFORE = `'PROCESREGISSEUR', 'VOORZITTER', 'CASUSREGISSEUR', 'DEELNEMER', 'ZORGCOORDINATOR', 'TRIAGIST',
          'FG_AUDITOR', 'BEHEERDER'`;

/**
 * Data-subject rights through the BGS contactpunt (ADR 0021): the CONTACTPUNT role; the request
 * (metadata, readable by the joint controllers that hold a task), the person it is about (walled
 * off to the contactpunt: names, sealed BSN, matching hashes), the persons and cases it matched
 * (kept for the inzage report), and one task per joint controller. Row-level security keys the
 * request to the contactpunt's region and a task to its organisation.
 */
export class DataSubjectRights1764430000000 implements MigrationInterface {
  name = 'DataSubjectRights1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_table_role DROP CONSTRAINT user_table_role_role_check`);
    await q.query(`
      ALTER TABLE user_table_role ADD CONSTRAINT user_table_role_role_check
        CHECK (role IN (${ROLES_BEFORE}, 'CONTACTPUNT'))`);

    await q.query(`
      CREATE TABLE rights_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        region_id uuid NOT NULL REFERENCES region(id),
        -- The contactpunt's organisation (the ZVH), which logged the request.
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        type text NOT NULL CHECK (type IN ('INZAGE','RECTIFICATIE','BEPERKING','VERWIJDERING','BEZWAAR')),
        received_at date NOT NULL,
        received_via text NOT NULL CHECK (received_via IN ('BRIEF','EMAIL','BALIE','TELEFOON')),
        requester text NOT NULL CHECK (requester IN ('BETROKKENE','WETTELIJK_VERTEGENWOORDIGER','GEMACHTIGDE')),
        identity_method text CHECK (identity_method IN ('ID_BEWIJS_GETOOND','KOPIE_ID_AFGESCHERMD','DIGID',
          'MACHTIGING_GECONTROLEERD','ANDERS')),
        due_at date NOT NULL,
        extension_months integer CHECK (extension_months BETWEEN 1 AND 2),
        extension_reason text CHECK (length(extension_reason) BETWEEN 1 AND 2000),
        extended_at timestamptz,
        extended_by uuid REFERENCES app_user(id),
        status text NOT NULL CHECK (status IN ('ONTVANGEN','IN_BEHANDELING','AFGEROND','AFGEWEZEN')),
        matched_persons integer NOT NULL DEFAULT 0 CHECK (matched_persons >= 0),
        matched_cases integer NOT NULL DEFAULT 0 CHECK (matched_cases >= 0),
        fanned_out_at timestamptz,
        outcome text CHECK (length(outcome) BETWEEN 1 AND 5000),
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user(id),
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK ((extension_months IS NULL) = (extension_reason IS NULL)
               AND (extension_months IS NULL) = (extended_at IS NULL)),
        -- Sent out only once the identity is verified.
        CHECK (status = 'ONTVANGEN' OR status = 'AFGEWEZEN' OR identity_method IS NOT NULL),
        CHECK ((status IN ('AFGEROND','AFGEWEZEN')) = (closed_at IS NOT NULL)),
        CHECK ((status IN ('AFGEROND','AFGEWEZEN')) = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rights_request_region_idx ON rights_request (region_id, status, due_at)`);

    // Who the request is about, apart from the request: only the contactpunt reads it.
    await q.query(`
      CREATE TABLE rights_request_subject (
        request_id uuid PRIMARY KEY REFERENCES rights_request(id) ON DELETE CASCADE,
        given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
        family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
        date_of_birth date NOT NULL,
        bsn_enc bytea,
        bsn_hash bytea CHECK (length(bsn_hash) = 32),
        match_hash bytea NOT NULL CHECK (length(match_hash) = 32),
        CHECK ((bsn_enc IS NULL) = (bsn_hash IS NULL))
      )`);

    // The persons and cases the look-up matched when the request went out: the basis of the
    // inzage report (which items, which accesses) once the new audit log is there.
    await q.query(`
      CREATE TABLE rights_request_person (
        request_id uuid NOT NULL REFERENCES rights_request(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        PRIMARY KEY (request_id, person_id)
      )`);

    await q.query(`
      CREATE TABLE rights_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES rights_request(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        case_ids uuid[] NOT NULL DEFAULT '{}',
        item_count integer NOT NULL DEFAULT 0 CHECK (item_count >= 0),
        status text NOT NULL CHECK (status IN ('OPEN','AFGEROND','NIETS_GEVONDEN','AFGEWEZEN')),
        note text CHECK (length(note) BETWEEN 1 AND 5000),
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        created_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (request_id, organisation_id),
        CHECK ((status = 'OPEN') = (answered_at IS NULL)),
        CHECK (status <> 'AFGEWEZEN' OR note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX rights_task_organisation_idx ON rights_task (organisation_id, status)`);

    await this.helpers(q);
    await this.rowLevelSecurity(q);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON rights_request, rights_task TO casustafel_app`);
    await q.query(`GRANT SELECT, INSERT ON rights_request_subject, rights_request_person TO casustafel_app`);
  }

  /**
   * SECURITY DEFINER helpers with a fixed search_path (ADR 0016): the region look-ups the policies
   * need, and the contactpunt's two looks across cases it does not take part in — which persons
   * match, and which organisations hold data in their cases. Both check the contactpunt role
   * themselves and answer ids and counts only, never content.
   */
  private async helpers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_user_regions(p_roles text[]) RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce(array_agg(DISTINCT t.region_id), '{}') FROM case_table t
        WHERE t.id = ANY (cst_user_tables(p_roles))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_rights_request_region(p_request uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT region_id FROM rights_request WHERE id = p_request
      $$`);
    await q.query(`
      CREATE FUNCTION cst_rights_task_holder(p_request uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM rights_task WHERE request_id = p_request AND organisation_id = ${ORG})
      $$`);
    // A name-and-birth-date match with a BSN that contradicts the given one is someone else.
    await q.query(`
      CREATE FUNCTION cst_rights_match(p_bsn_hash bytea, p_match_hash bytea)
      RETURNS TABLE (person_id uuid, case_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT DISTINCT p.id, c.id
        FROM person p
        JOIN case_person cp ON cp.person_id = p.id
        JOIN casus c ON c.id = cp.case_id AND c.state <> 'VERNIETIGD'
        JOIN case_table t ON t.id = c.table_id
        WHERE t.region_id = ANY (cst_user_regions('{CONTACTPUNT}'))
          AND ((p_bsn_hash IS NOT NULL AND p.bsn_hash = p_bsn_hash)
               OR (p.match_hash = p_match_hash
                   AND (p_bsn_hash IS NULL OR p.bsn_hash IS NULL OR p.bsn_hash = p_bsn_hash)))
      $$`);
    // Joint controllers of the given cases: organisations that take part, wrote items, own a
    // person's identification or are responsible for the case; with their cases and own items.
    await q.query(`
      CREATE FUNCTION cst_rights_controllers(p_cases uuid[])
      RETURNS TABLE (organisation_id uuid, case_ids uuid[], item_count integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH allowed AS (
          SELECT c.id, c.responsible_organisation_id FROM casus c JOIN case_table t ON t.id = c.table_id
          WHERE c.id = ANY (p_cases) AND c.state <> 'VERNIETIGD'
            AND t.region_id = ANY (cst_user_regions('{CONTACTPUNT}'))
        ), holders AS (
          SELECT p.organisation_id AS org, p.case_id FROM case_participant p JOIN allowed a ON a.id = p.case_id
          UNION SELECT i.author_organisation_id, i.case_id FROM case_item i JOIN allowed a ON a.id = i.case_id
          UNION SELECT cp.owner_organisation_id, cp.case_id FROM case_person cp JOIN allowed a ON a.id = cp.case_id
          UNION SELECT a.responsible_organisation_id, a.id FROM allowed a
        ), items AS (
          SELECT i.author_organisation_id AS org, count(*)::integer AS n
          FROM case_item i JOIN allowed a ON a.id = i.case_id GROUP BY 1
        )
        SELECT h.org, array_agg(DISTINCT h.case_id), coalesce(max(it.n), 0)
        FROM holders h LEFT JOIN items it ON it.org = h.org
        GROUP BY h.org
      $$`);
    const helpers = [
      'cst_user_regions(text[])',
      'cst_rights_request_region(uuid)',
      'cst_rights_task_holder(uuid)',
      'cst_rights_match(bytea, bytea)',
      'cst_rights_controllers(uuid[])',
    ].join(', ');
    await q.query(`REVOKE ALL ON FUNCTION ${helpers} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${helpers} TO casustafel_app`);
  }

  /**
   * The second wall: a request exists for the contactpunt of its region, and — metadata only — for
   * the joint controllers that hold a task on it; who it is about and what it matched only for the
   * contactpunt; a task for the contactpunt and for its own organisation. Only the contactpunt
   * creates and changes requests and creates tasks; only the task's organisation answers it.
   */
  private async rowLevelSecurity(q: QueryRunner): Promise<void> {
    const REGION_OF = (column: string) => `cst_rights_request_region(${column})`;
    for (const table of [
      'rights_request',
      'rights_request_subject',
      'rights_request_person',
      'rights_task',
    ]) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    }
    await q.query(`
      CREATE POLICY rights_request_read ON rights_request FOR SELECT TO casustafel_app
        USING (region_id = ANY ${CONTACTPUNT}
               OR (region_id = ANY ${TASK_HOLDERS} AND cst_rights_task_holder(id)))`);
    await q.query(`
      CREATE POLICY rights_request_create ON rights_request FOR INSERT TO casustafel_app
        WITH CHECK (region_id = ANY ${CONTACTPUNT} AND organisation_id = ${ORG})`);
    await q.query(`
      CREATE POLICY rights_request_change ON rights_request FOR UPDATE TO casustafel_app
        USING (region_id = ANY ${CONTACTPUNT}) WITH CHECK (region_id = ANY ${CONTACTPUNT})`);
    for (const table of ['rights_request_subject', 'rights_request_person']) {
      await q.query(`
        CREATE POLICY ${table}_contactpunt ON ${table} FOR ALL TO casustafel_app
          USING (${REGION_OF(`${table}.request_id`)} = ANY ${CONTACTPUNT})
          WITH CHECK (${REGION_OF(`${table}.request_id`)} = ANY ${CONTACTPUNT})`);
    }
    await q.query(`
      CREATE POLICY rights_task_read ON rights_task FOR SELECT TO casustafel_app
        USING (${REGION_OF('rights_task.request_id')} = ANY ${CONTACTPUNT}
               OR (organisation_id = ${ORG} AND ${REGION_OF('rights_task.request_id')} = ANY ${TASK_HOLDERS}))`);
    await q.query(`
      CREATE POLICY rights_task_create ON rights_task FOR INSERT TO casustafel_app
        WITH CHECK (${REGION_OF('rights_task.request_id')} = ANY ${CONTACTPUNT})`);
    await q.query(`
      CREATE POLICY rights_task_answer ON rights_task FOR UPDATE TO casustafel_app
        USING (organisation_id = ${ORG} AND ${REGION_OF('rights_task.request_id')} = ANY ${TASK_HOLDERS})
        WITH CHECK (organisation_id = ${ORG} AND ${REGION_OF('rights_task.request_id')} = ANY ${TASK_HOLDERS})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rights_task, rights_request_person, rights_request_subject, rights_request`);
    await q.query(`
      DROP FUNCTION cst_rights_controllers(uuid[]), cst_rights_match(bytea, bytea),
        cst_rights_task_holder(uuid), cst_rights_request_region(uuid), cst_user_regions(text[])`);
    await q.query(`DELETE FROM user_table_role WHERE role = 'CONTACTPUNT'`);
    await q.query(`ALTER TABLE user_table_role DROP CONSTRAINT user_table_role_role_check`);
    await q.query(
      `ALTER TABLE user_table_role ADD CONSTRAINT user_table_role_role_check CHECK (role IN (${ROLES_BEFORE}))`,
    );
  }
}
