import type { TableTheme } from '@casustafel/shared/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { installDefaultTableConfig } from '../default-table-config';

const CATEGORIES = `('C1','C1B','C2','C3','C4','C5','C6','C7','C8','C9','C10','C11','C12','C13','C14')`;
const PARTNER_TYPES = `('ZVH','GEMEENTE_SOCIAAL_DOMEIN','GEMEENTE_OOV','POLITIE','OM','RECLASSERING','RVDK_GI','VEILIG_THUIS',
  'GGZ_ZORGAANBIEDER','ZORGCOORDINATOR','COMENSHA','IND','NLA_KMAR','RIEC','SLACHTOFFERHULP','WONINGCORPORATIE')`;
const LEGAL_GROUNDS = `('AVG_6_1_C','AVG_6_1_E','AVG_9_2','WGS','WPG','WJSG_AANWIJZING','BEROEPSGEHEIM_TOESTEMMING',
  'CONFLICT_VAN_PLICHTEN','JEUGDWET','WMO','OTHER')`;
/** Roles that work with case content; beheerder and FG/auditor do not (need-to-know). */
const CASE_ROLES = `('PROCESREGISSEUR','VOORZITTER','CASUSREGISSEUR','DEELNEMER','ZORGCOORDINATOR','TRIAGIST')`;

/** The acting organisation and user, read once per statement (an initPlan), never per row. */
const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;

/**
 * Case tables' need-to-know configuration, registrations and triage, persons, cases with
 * participants, case items and attachments, disclosures, information requests and the
 * mensenhandel profile — and the row-level security that backs the access policy (ADR 0016).
 */
export class AddCasesAndNeedToKnow1764200000000 implements MigrationInterface {
  name = 'AddCasesAndNeedToKnow1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_table
        ADD COLUMN re_referral_window_months integer NOT NULL DEFAULT 12 CHECK (re_referral_window_months BETWEEN 1 AND 120),
        ADD COLUMN signals jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN embargo_partner_types text[] NOT NULL DEFAULT '{POLITIE,OM,NLA_KMAR}'
          CHECK (embargo_partner_types <@ ARRAY${PARTNER_TYPES.replace(/\(/, '[').replace(/\)$/, ']')}::text[]),
        ADD COLUMN matrix_version integer NOT NULL DEFAULT 0,
        ADD COLUMN number_prefix text NOT NULL DEFAULT 'CT' CHECK (number_prefix ~ '^[A-Z]{1,4}$')`);

    // The visibility matrix, versioned: every change is a new version; the table points at the current one.
    await q.query(`
      CREATE TABLE visibility_matrix_version (
        table_id uuid NOT NULL REFERENCES case_table(id),
        version integer NOT NULL CHECK (version >= 1),
        changed_at timestamptz NOT NULL,
        changed_by uuid REFERENCES app_user(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        embargo_partner_types text[] NOT NULL,
        PRIMARY KEY (table_id, version)
      )`);
    await q.query(`
      CREATE TABLE visibility_rule (
        table_id uuid NOT NULL,
        version integer NOT NULL,
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        partner_type text NOT NULL CHECK (partner_type IN ${PARTNER_TYPES}),
        level text NOT NULL CHECK (level IN ('FULL','SUMMARY','OWN','NONE')),
        PRIMARY KEY (table_id, version, category, partner_type),
        FOREIGN KEY (table_id, version) REFERENCES visibility_matrix_version(table_id, version)
      )`);

    await q.query(`
      CREATE TABLE number_sequence (
        scope text PRIMARY KEY,
        value integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
        family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
        date_of_birth date,
        address text CHECK (length(address) <= 500),
        bsn_enc bytea,
        bsn_hash bytea CHECK (length(bsn_hash) = 32),
        match_hash bytea CHECK (length(match_hash) = 32),
        pseudonym text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((bsn_enc IS NULL) = (bsn_hash IS NULL))
      )`);
    await q.query(`CREATE INDEX person_bsn_hash_idx ON person (bsn_hash) WHERE bsn_hash IS NOT NULL`);
    await q.query(`CREATE INDEX person_match_hash_idx ON person (match_hash) WHERE match_hash IS NOT NULL`);

    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        table_id uuid NOT NULL REFERENCES case_table(id),
        state text NOT NULL CHECK (state IN ('CONCEPT','AANGEMELD','IN_TRIAGE','AFGEWEZEN_MET_ADVIES','BILATERAAL',
          'DOORVERWEZEN_LOKAAL','CASE_CREATED')),
        registering_organisation_id uuid NOT NULL REFERENCES organisation(id),
        registered_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        reason text NOT NULL CHECK (length(reason) <= 10000),
        goal text NOT NULL CHECK (length(goal) <= 10000),
        discussed_with_person boolean NOT NULL,
        not_discussed_reason text CHECK (length(not_discussed_reason) <= 2000),
        criteria jsonb NOT NULL,
        signals jsonb NOT NULL DEFAULT '[]',
        proposed_participants jsonb NOT NULL DEFAULT '[]',
        triage_outcome text CHECK (triage_outcome IN ('ZVH_TABLE','BILATERAAL','LOKAAL','AFGEWEZEN')),
        triage_advice text CHECK (length(triage_advice) <= 10000),
        triage_referral text CHECK (length(triage_referral) <= 500),
        triaged_at timestamptz,
        triaged_by uuid REFERENCES app_user(id),
        case_id uuid,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK (discussed_with_person OR length(coalesce(not_discussed_reason, '')) > 0)
      )`);
    await q.query(`CREATE INDEX registration_table_state_idx ON registration (table_id, state)`);
    await q.query(`CREATE INDEX registration_org_idx ON registration (registering_organisation_id)`);
    await q.query(`
      CREATE TABLE registration_person (
        registration_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        role text NOT NULL CHECK (role IN ('SLACHTOFFER','VERDACHTE','GEZINSLID','PARTNER','KIND','GETUIGE','OVERIG')),
        position integer NOT NULL,
        PRIMARY KEY (registration_id, person_id)
      )`);
    await q.query(`CREATE INDEX registration_person_person_idx ON registration_person (person_id)`);

    // "case" is a reserved word: the table is casus.
    await q.query(`
      CREATE TABLE casus (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        table_id uuid NOT NULL REFERENCES case_table(id),
        registration_id uuid REFERENCES registration(id),
        state text NOT NULL CHECK (state IN ('INFORMATIEVERZAMELING','GEAGENDEERD','IN_UITVOERING','MONITORING',
          'OPGESCHAALD','AFGESCHAALD','AFGESLOTEN','VERNIETIGD')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        reopened_at timestamptz,
        retention_until date,
        responsible_organisation_id uuid NOT NULL REFERENCES organisation(id),
        procesregisseur_id uuid REFERENCES app_user(id),
        casusregisseur_id uuid REFERENCES app_user(id),
        embargo boolean NOT NULL DEFAULT false,
        reason text NOT NULL DEFAULT '',
        goal text NOT NULL DEFAULT '',
        handover_to text,
        handover_data text,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX casus_table_state_idx ON casus (table_id, state, updated_at DESC)`);
    await q.query(
      `ALTER TABLE registration ADD CONSTRAINT registration_case_fk FOREIGN KEY (case_id) REFERENCES casus(id)`,
    );

    await q.query(`
      CREATE TABLE case_participant (
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        basis text NOT NULL CHECK (basis IN ('MEMBER','GUEST')),
        since timestamptz NOT NULL,
        added_by uuid REFERENCES app_user(id),
        PRIMARY KEY (case_id, organisation_id)
      )`);
    // The policy's first question, asked per case row: does this organisation take part?
    await q.query(`CREATE INDEX case_participant_org_idx ON case_participant (organisation_id, case_id)`);

    await q.query(`
      CREATE TABLE case_person (
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        role text NOT NULL CHECK (role IN ('SLACHTOFFER','VERDACHTE','GEZINSLID','PARTNER','KIND','GETUIGE','OVERIG')),
        position integer NOT NULL,
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        PRIMARY KEY (case_id, person_id)
      )`);
    await q.query(`CREATE INDEX case_person_person_idx ON case_person (person_id)`);

    await q.query(`
      CREATE TABLE case_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        sensitivity text NOT NULL CHECK (sensitivity IN ('NORMAAL','GEVOELIG','EMBARGO')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (length(body) <= 50000),
        legal_ground text CHECK (legal_ground IN ${LEGAL_GROUNDS}),
        author_organisation_id uuid NOT NULL REFERENCES organisation(id),
        author_id uuid NOT NULL REFERENCES app_user(id),
        information_request_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX case_item_case_idx ON case_item (case_id, created_at)`);

    await q.query(`
      CREATE TABLE case_item_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES case_item(id) ON DELETE CASCADE,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0 AND size <= 10485760),
        sha256 bytea NOT NULL CHECK (length(sha256) = 32),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_item_attachment_item_idx ON case_item_attachment (item_id)`);

    await q.query(`
      CREATE TABLE disclosure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        from_organisation_id uuid NOT NULL REFERENCES organisation(id),
        to_organisation_id uuid NOT NULL REFERENCES organisation(id),
        item_ids uuid[] NOT NULL DEFAULT '{}',
        categories text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY${CATEGORIES.replace(/\(/, '[').replace(/\)$/, ']')}::text[]),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
        legal_ground text NOT NULL CHECK (legal_ground IN ${LEGAL_GROUNDS}),
        legal_reference text NOT NULL DEFAULT '' CHECK (length(legal_reference) <= 1000),
        state text NOT NULL CHECK (state IN ('PROPOSED','APPROVED','REJECTED','REVOKED')),
        proposed_by uuid NOT NULL REFERENCES app_user(id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        revoked_at timestamptz,
        revoke_reason text,
        CHECK (cardinality(item_ids) + cardinality(categories) > 0),
        CHECK (legal_ground <> 'OTHER' OR length(legal_reference) > 0)
      )`);
    await q.query(
      `CREATE INDEX disclosure_case_to_idx ON disclosure (case_id, to_organisation_id) WHERE state = 'APPROVED'`,
    );

    await q.query(`
      CREATE TABLE information_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        to_organisation_id uuid NOT NULL REFERENCES organisation(id),
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        due_at date NOT NULL,
        state text NOT NULL CHECK (state IN ('OPEN','ANSWERED','DECLINED')),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        requested_at timestamptz NOT NULL,
        answered_at timestamptz,
        answered_by uuid REFERENCES app_user(id),
        decline_reason text
      )`);
    await q.query(`CREATE INDEX information_request_case_idx ON information_request (case_id)`);
    await q.query(
      `CREATE INDEX information_request_to_idx ON information_request (to_organisation_id, state)`,
    );
    await q.query(
      `ALTER TABLE case_item ADD CONSTRAINT case_item_request_fk FOREIGN KEY (information_request_id) REFERENCES information_request(id)`,
    );

    await q.query(`
      CREATE TABLE case_mensenhandel (
        case_id uuid PRIMARY KEY REFERENCES casus(id) ON DELETE CASCADE,
        forms text[] NOT NULL DEFAULT '{}' CHECK (forms <@ ARRAY['SEKSUEEL','ARBEID','CRIMINEEL','ORGAANVERWIJDERING']::text[]),
        victim_status text CHECK (victim_status IN ('SIGNAAL','MOGELIJK_SLACHTOFFER','GEIDENTIFICEERD')),
        comensha_reported boolean NOT NULL DEFAULT false,
        comensha_reported_at date,
        comensha_reference text CHECK (length(comensha_reference) <= 100),
        comensha_dossier_type text CHECK (comensha_dossier_type IN ('REGISTRATIE','REGISTRATIE_OPVANG','REGISTRATIE_INFO_ADVIES')),
        exploitation_owner_id uuid REFERENCES organisation(id),
        b8_offered_at date,
        b8_accepted_at date,
        aangifte text CHECK (aangifte IN ('JA','NEE','ANDERE_MEDEWERKING','NIET_MOGELIJK')),
        permit_status text CHECK (permit_status IN ('GEEN','AANGEVRAAGD','VERLEEND','BEEINDIGD','NIET_TIJDELIJK_HUMANITAIR')),
        b8_owner_id uuid REFERENCES organisation(id),
        shelter_type text CHECK (shelter_type IN ('COSM','OMM','VO','MO','ANDERS')),
        shelter_placed_at date,
        shelter_placed_via text CHECK (shelter_placed_via IN ('COMENSHA','ZORGCOORDINATOR')),
        shelter_organisation_id uuid REFERENCES organisation(id),
        shelter_address_enc bytea,
        shelter_owner_id uuid REFERENCES organisation(id),
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK (b8_accepted_at IS NULL OR b8_offered_at IS NULL OR b8_accepted_at >= b8_offered_at)
      )`);

    // Tables that exist already get the default configuration (version 1 of the matrix).
    const tables: Array<{ id: string; theme: TableTheme }> = await q.query(
      'select id, theme from case_table',
    );
    for (const table of tables) {
      await installDefaultTableConfig(q, table.id, table.theme);
    }

    await this.rowLevelSecurity(q);
    await this.visibilityFunction(q);
    await this.caseReadFunction(q);
    // The person index: matches across active cases and cases closed within the table's re-referral
    // window; reveals only table, procesregisseur and dates.
    await q.query(`
      CREATE FUNCTION cst_person_index(p_hashes bytea[], p_exclude_case uuid, p_now timestamptz)
      RETURNS TABLE (hash bytea, table_name text, procesregisseur text, since timestamptz, closed_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT h.hash, t.name, u.display_name, c.opened_at, c.closed_at
        FROM unnest(p_hashes) AS h(hash)
        JOIN person p ON p.bsn_hash = h.hash OR p.match_hash = h.hash
        JOIN case_person cp ON cp.person_id = p.id
        JOIN casus c ON c.id = cp.case_id
        JOIN case_table t ON t.id = c.table_id
        LEFT JOIN app_user u ON u.id = c.procesregisseur_id
        WHERE (c.state NOT IN ('AFGESLOTEN', 'VERNIETIGD')
               OR (c.state = 'AFGESLOTEN' AND c.closed_at > p_now - make_interval(months => t.re_referral_window_months)))
          AND (p_exclude_case IS NULL OR c.id <> p_exclude_case)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_person_index(bytea[], uuid, timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_person_index(bytea[], uuid, timestamptz) TO casustafel_app`);

    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON registration, casus, case_item, disclosure, information_request, case_mensenhandel, person TO casustafel_app`,
    );
    await q.query(
      `GRANT SELECT, INSERT, DELETE ON registration_person, case_participant, case_person TO casustafel_app`,
    );
    await q.query(
      `GRANT SELECT, INSERT ON case_item_attachment, visibility_matrix_version, visibility_rule TO casustafel_app`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE ON number_sequence TO casustafel_app`);
    await q.query(`GRANT UPDATE ON case_table TO casustafel_app`);
  }

  /**
   * The coarse wall (DESIGN-NOTES §2): an organisation sees nothing of a case it does not take part
   * in, a user nothing of a table where they hold no case role, and embargoed items stay with the
   * author and the table's embargo whitelist. Summary-versus-full is the service's part. The session
   * values are read once per statement through sub-selects; every column filtered on is indexed.
   */
  private async rowLevelSecurity(q: QueryRunner): Promise<void> {
    // Helpers that must look past RLS (a policy may not query its own table): SECURITY DEFINER,
    // owned by the schema owner, with a fixed search_path. Both read only what they return.
    await q.query(`
      CREATE FUNCTION cst_participates(p_case uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM case_participant WHERE case_id = p_case AND organisation_id = ${ORG})
      $$`);
    await q.query(`
      CREATE FUNCTION cst_case_table(p_case uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT table_id FROM casus WHERE id = p_case
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_participates(uuid), cst_case_table(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_participates(uuid), cst_case_table(uuid) TO casustafel_app`);

    // Owners (migrations, the demo seeder, jobs) are not subject to these policies; the app role is.
    const enable = (table: string) => q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);

    await enable('case_participant');
    await q.query(`
      CREATE POLICY case_participant_visible ON case_participant FOR SELECT TO casustafel_app
        USING (organisation_id = ${ORG} OR cst_participates(case_id))`);
    await q.query(`
      CREATE POLICY case_participant_manage ON case_participant FOR INSERT TO casustafel_app
        WITH CHECK (EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER}
                            AND r.table_id = cst_case_table(case_participant.case_id)
                            AND r.role IN ('TRIAGIST','PROCESREGISSEUR','VOORZITTER')))`);
    await q.query(`
      CREATE POLICY case_participant_remove ON case_participant FOR DELETE TO casustafel_app
        USING (cst_participates(case_id) AND EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER}
               AND r.table_id = cst_case_table(case_participant.case_id) AND r.role IN ('PROCESREGISSEUR','VOORZITTER')))`);

    await enable('casus');
    await q.query(`
      CREATE POLICY casus_participants ON casus FOR ALL TO casustafel_app
        USING (EXISTS (SELECT 1 FROM case_participant p WHERE p.case_id = casus.id AND p.organisation_id = ${ORG})
               AND EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER} AND r.table_id = casus.table_id
                           AND r.role IN ${CASE_ROLES}))
        WITH CHECK (EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER} AND r.table_id = casus.table_id
                            AND r.role IN ${CASE_ROLES}))`);

    for (const table of ['case_person', 'disclosure', 'information_request', 'case_mensenhandel']) {
      await enable(table);
      await q.query(`
        CREATE POLICY ${table}_case ON ${table} FOR ALL TO casustafel_app
          USING (EXISTS (SELECT 1 FROM casus c WHERE c.id = ${table}.case_id))
          WITH CHECK (EXISTS (SELECT 1 FROM casus c WHERE c.id = ${table}.case_id))`);
    }

    await enable('case_item');
    await q.query(`
      CREATE POLICY case_item_need_to_know ON case_item FOR ALL TO casustafel_app
        USING (EXISTS (SELECT 1 FROM casus c WHERE c.id = case_item.case_id)
               AND (case_item.sensitivity <> 'EMBARGO'
                    OR case_item.author_organisation_id = ${ORG}
                    OR EXISTS (SELECT 1 FROM casus c JOIN case_table t ON t.id = c.table_id
                               JOIN organisation o ON o.id = ${ORG}
                               WHERE c.id = case_item.case_id AND o.partner_type = ANY (t.embargo_partner_types))))
        WITH CHECK (case_item.author_organisation_id = ${ORG} AND EXISTS (SELECT 1 FROM casus c WHERE c.id = case_item.case_id))`);

    await enable('case_item_attachment');
    await q.query(`
      CREATE POLICY case_item_attachment_item ON case_item_attachment FOR ALL TO casustafel_app
        USING (EXISTS (SELECT 1 FROM case_item i WHERE i.id = case_item_attachment.item_id))
        WITH CHECK (EXISTS (SELECT 1 FROM case_item i WHERE i.id = case_item_attachment.item_id))`);

    // Registrations: the registering organisation, and triage (triagist, procesregisseur) of the table.
    await enable('registration');
    await q.query(`
      CREATE POLICY registration_registrant_or_triage ON registration FOR ALL TO casustafel_app
        USING (registering_organisation_id = ${ORG}
               OR EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER} AND r.table_id = registration.table_id
                          AND r.role IN ('TRIAGIST','PROCESREGISSEUR')))
        WITH CHECK (registering_organisation_id = ${ORG}
               OR EXISTS (SELECT 1 FROM user_table_role r WHERE r.user_id = ${USER} AND r.table_id = registration.table_id
                          AND r.role IN ('TRIAGIST','PROCESREGISSEUR')))`);
    await enable('registration_person');
    await q.query(`
      CREATE POLICY registration_person_registration ON registration_person FOR ALL TO casustafel_app
        USING (EXISTS (SELECT 1 FROM registration g WHERE g.id = registration_person.registration_id))
        WITH CHECK (EXISTS (SELECT 1 FROM registration g WHERE g.id = registration_person.registration_id))`);

    // A person is visible through a visible case or registration. New person rows are inserted
    // without RETURNING (ids come from the application) and become visible through their links.
    await enable('person');
    await q.query(`
      CREATE POLICY person_linked ON person FOR SELECT TO casustafel_app
        USING (EXISTS (SELECT 1 FROM case_person cp WHERE cp.person_id = person.id)
               OR EXISTS (SELECT 1 FROM registration_person rp WHERE rp.person_id = person.id))`);
    await q.query(
      `CREATE POLICY person_insert ON person FOR INSERT TO casustafel_app WITH CHECK (${USER} IS NOT NULL)`,
    );
    await q.query(`
      CREATE POLICY person_update ON person FOR UPDATE TO casustafel_app
        USING (EXISTS (SELECT 1 FROM case_person cp WHERE cp.person_id = person.id)
               OR EXISTS (SELECT 1 FROM registration_person rp WHERE rp.person_id = person.id))`);
  }

  /**
   * The access policy in SQL (the same rules as `decide` in libs/api/access; a test keeps them in
   * agreement): what the acting organisation sees of one guarded thing of a case — 'FULL',
   * 'SUMMARY' or 'NONE'. Used where lists are filtered and projected in the database.
   */
  private async visibilityFunction(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_access(p_case uuid, p_category text, p_sensitivity text, p_owners uuid[], p_item uuid)
      RETURNS text LANGUAGE sql STABLE AS $$
        WITH actor AS (
          SELECT o.id AS org, o.partner_type FROM organisation o WHERE o.id = ${ORG}
        ), ctx AS (
          SELECT c.state, c.table_id, t.matrix_version, t.embargo_partner_types, p.basis, a.org, a.partner_type
          FROM casus c
          JOIN case_table t ON t.id = c.table_id
          CROSS JOIN actor a
          LEFT JOIN case_participant p ON p.case_id = c.id AND p.organisation_id = a.org
          WHERE c.id = p_case
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
    await q.query(`
      CREATE FUNCTION cst_visibility(p_case uuid, p_category text, p_sensitivity text, p_owners uuid[], p_item uuid)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT split_part(cst_access(p_case, p_category, p_sensitivity, p_owners, p_item), ':', 1)
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_access(uuid, text, text, uuid[], uuid) TO casustafel_app`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION cst_visibility(uuid, text, text, uuid[], uuid) TO casustafel_app`,
    );
  }

  /**
   * The audited, need-to-know read of a case in one round trip (QUALITY-TARGETS P1, DESIGN-NOTES §1):
   * set the security context, read through RLS, write the audit record (also for a denial, which
   * then returns NULL), and return the case as JSON with every part already cut to what the actor
   * may see — content only where the policy says FULL. One statement, so one transaction.
   */
  private async caseReadFunction(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cst_case_read(p_case uuid, p_user uuid, p_org uuid, p_session uuid, p_roles text[],
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
          INSERT INTO audit_event (occurred_at, action, outcome, actor_user_id, actor_organisation_id, actor_roles,
                                   session_id, origin, object_type, object_id, trace_id, span_id)
          VALUES (p_at, 'case.read', 'DENIED', p_user, p_org, p_roles, p_session, p_origin, 'case', p_case::text,
                  p_trace, p_span);
          RETURN NULL;
        END IF;
        SELECT * INTO v_table FROM case_table WHERE id = v_case.table_id;
        INSERT INTO audit_event (occurred_at, action, outcome, actor_user_id, actor_organisation_id, actor_roles,
                                 session_id, origin, object_type, object_id, processing_activity_id, trace_id, span_id)
        VALUES (p_at, 'case.read', 'OK', p_user, p_org, p_roles, p_session, p_origin, 'case', p_case::text,
                v_table.processing_activity_id, p_trace, p_span);
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
    await q.query(
      `GRANT EXECUTE ON FUNCTION cst_case_read(uuid, uuid, uuid, uuid, text[], text, text, text, timestamptz) TO casustafel_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE case_mensenhandel, case_item_attachment, disclosure, case_person, case_participant CASCADE`,
    );
    await q.query(`ALTER TABLE case_item DROP CONSTRAINT case_item_request_fk`);
    await q.query(`DROP TABLE information_request, case_item CASCADE`);
    await q.query(`ALTER TABLE registration DROP CONSTRAINT registration_case_fk`);
    await q.query(`DROP TABLE casus, registration_person, registration, person, number_sequence, visibility_rule,
      visibility_matrix_version CASCADE`);
    await q.query(
      `DROP FUNCTION cst_person_index(bytea[], uuid, timestamptz), cst_case_read(uuid, uuid, uuid, uuid, text[], text, text, text, timestamptz)`,
    );
    await q.query(
      `DROP FUNCTION cst_visibility(uuid, text, text, uuid[], uuid), cst_access(uuid, text, text, uuid[], uuid)`,
    );
    await q.query(`DROP FUNCTION cst_participates(uuid), cst_case_table(uuid)`);
    await q.query(`
      ALTER TABLE case_table DROP COLUMN re_referral_window_months, DROP COLUMN signals,
        DROP COLUMN embargo_partner_types, DROP COLUMN matrix_version, DROP COLUMN number_prefix`);
  }
}
