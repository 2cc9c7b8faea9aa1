import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accessFunctionSql } from './1764450000000-break-the-glass';

const CATEGORIES = `ARRAY['C1','C1B','C2','C3','C4','C5','C6','C7','C8','C9','C10','C11','C12','C13','C14']::text[]`;
const LEGAL_GROUNDS = `('AVG_6_1_C','AVG_6_1_E','AVG_9_2','WGS','WPG','WJSG_AANWIJZING','BEROEPSGEHEIM_TOESTEMMING',
  'CONFLICT_VAN_PLICHTEN','JEUGDWET','WMO','OTHER')`;
const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
const MANAGERS = `((select cst_user_tables('{PROCESREGISSEUR,VOORZITTER}'))::uuid[])`;
/** Issued: generated once, with its documents and its disclosure record. */
const ISSUED = `('VERSTREKT','INGETROKKEN','VERVANGEN')`;

/**
 * Need-to-know extracts (uittreksels; DOMAIN.md §5.2, b.1 Extract, scenario 7; issue 7; ADR 0024):
 * - `case_table.extract_four_eyes`: a second manager approves before an extract goes out (default);
 * - `extract`: one recipient organisation, purpose and legal ground, a number (UT-2026-0001), the
 *   lifecycle (TER_GOEDKEURING → VERSTREKT | AFGEWEZEN; VERSTREKT → INGETROKKEN | VERVANGEN) and the
 *   SHA-256 of both documents. Four eyes is a CHECK: with `four_eyes` the decider is not the composer;
 * - `extract_item`: the selection (item and mode, the category kept for the record);
 * - `extract_document`: the PDF and JSON bytes generated once at issue, each with a CHECK that its
 *   stored hash is sha256 of the bytes, and a key to the extract's hashes so they cannot differ;
 * - `disclosure.extract_id`: the extract's disclosure record (verstrekking). `cst_access` and
 *   `cst_org_access` are recreated from the one generator with `ignoreExtracts`: such a disclosure
 *   grants no standing access to the case (decide() callers leave it out the same way);
 * - row-level security: the managers (procesregisseur, voorzitter) of the case's table whose
 *   organisation takes part see the case's extracts and change them; the recipient organisation
 *   reads the issued extracts addressed to it and their documents only while VERSTREKT and not
 *   expired (on the application's clock). Nobody else sees a row.
 */
export class Extracts1764490000000 implements MigrationInterface {
  name = 'Extracts1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_table ADD COLUMN extract_four_eyes boolean NOT NULL DEFAULT true`);

    await q.query(`
      CREATE TABLE extract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 40),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        from_organisation_id uuid NOT NULL REFERENCES organisation(id),
        recipient_organisation_id uuid NOT NULL REFERENCES organisation(id),
        purpose text NOT NULL CHECK (length(btrim(purpose)) BETWEEN 1 AND 2000),
        legal_ground text NOT NULL CHECK (legal_ground IN ${LEGAL_GROUNDS}),
        legal_reference text NOT NULL DEFAULT '' CHECK (length(legal_reference) <= 1000),
        expires_on date,
        state text NOT NULL CHECK (state IN ('CONCEPT','TER_GOEDKEURING','VERSTREKT','INGETROKKEN','VERVANGEN','AFGEWEZEN')),
        four_eyes boolean NOT NULL,
        composed_by uuid NOT NULL REFERENCES app_user(id),
        composed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 2000),
        issued_at timestamptz,
        recalled_by uuid REFERENCES app_user(id),
        recalled_at timestamptz,
        recall_reason text CHECK (length(recall_reason) <= 2000),
        supersedes_extract_id uuid REFERENCES extract(id),
        superseded_at timestamptz,
        pdf_sha256 bytea CHECK (length(pdf_sha256) = 32),
        json_sha256 bytea CHECK (length(json_sha256) = 32),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (id, pdf_sha256, json_sha256),
        CHECK (recipient_organisation_id <> from_organisation_id),
        CHECK (legal_ground <> 'OTHER' OR length(btrim(legal_reference)) > 0),
        -- Four eyes: the composer does not decide on their own extract where the table asks for it.
        CHECK (NOT four_eyes OR decided_by IS DISTINCT FROM composed_by),
        CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
        CHECK (state NOT IN ${ISSUED} OR (issued_at IS NOT NULL AND decided_by IS NOT NULL
                                          AND pdf_sha256 IS NOT NULL AND json_sha256 IS NOT NULL)),
        CHECK (state IN ${ISSUED} OR (issued_at IS NULL AND pdf_sha256 IS NULL AND json_sha256 IS NULL)),
        CHECK (state <> 'AFGEWEZEN' OR length(btrim(coalesce(decision_reason, ''))) > 0),
        CHECK ((state = 'INGETROKKEN') = (recalled_at IS NOT NULL)),
        CHECK (recalled_at IS NULL OR (recalled_by IS NOT NULL AND length(btrim(coalesce(recall_reason, ''))) > 0)),
        CHECK ((state = 'VERVANGEN') = (superseded_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX extract_case_idx ON extract (case_id, composed_at)`);
    await q.query(
      `CREATE INDEX extract_recipient_idx ON extract (recipient_organisation_id, issued_at) WHERE issued_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE extract_item (
        extract_id uuid NOT NULL REFERENCES extract(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        -- No key to case_item: the record of what was disclosed outlives a corrected or removed item.
        item_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('FULL','CATEGORY_SUMMARY')),
        category text NOT NULL CHECK (category = ANY (${CATEGORIES})),
        PRIMARY KEY (extract_id, item_id),
        UNIQUE (extract_id, position)
      )`);

    await q.query(`
      CREATE TABLE extract_document (
        extract_id uuid PRIMARY KEY,
        pdf bytea NOT NULL,
        pdf_sha256 bytea NOT NULL,
        json bytea NOT NULL,
        json_sha256 bytea NOT NULL,
        CHECK (pdf_sha256 = sha256(pdf)),
        CHECK (json_sha256 = sha256(json)),
        FOREIGN KEY (extract_id, pdf_sha256, json_sha256) REFERENCES extract (id, pdf_sha256, json_sha256)
          ON DELETE CASCADE
      )`);

    await q.query(
      `ALTER TABLE disclosure ADD COLUMN extract_id uuid REFERENCES extract(id) ON DELETE CASCADE`,
    );
    await q.query(
      `CREATE UNIQUE INDEX disclosure_extract_idx ON disclosure (extract_id) WHERE extract_id IS NOT NULL`,
    );
    // The one policy, recreated from its generator: an extract's disclosure grants no access.
    await q.query(accessFunctionSql('cst_access', { breakGlass: true, ignoreExtracts: true }));
    await q.query(accessFunctionSql('cst_org_access', { breakGlass: false, ignoreExtracts: true }));

    // Policies of the child tables ask one helper about their extract (no nested policies, ADR 0016).
    await q.query(`
      CREATE FUNCTION cst_extract_managed(p_extract uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM extract e WHERE e.id = p_extract AND cst_case_visible(e.case_id, ${MANAGERS}))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_extract_downloadable(p_extract uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM extract e
                       WHERE e.id = p_extract AND e.recipient_organisation_id = ${ORG} AND e.state = 'VERSTREKT'
                         AND (e.expires_on IS NULL OR e.expires_on >= (cst_now() AT TIME ZONE 'Europe/Amsterdam')::date))
      $$`);
    await q.query(
      `REVOKE ALL ON FUNCTION cst_extract_managed(uuid), cst_extract_downloadable(uuid) FROM PUBLIC`,
    );
    await q.query(
      `GRANT EXECUTE ON FUNCTION cst_extract_managed(uuid), cst_extract_downloadable(uuid) TO casustafel_app`,
    );

    await q.query(`ALTER TABLE extract ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY extract_managers ON extract FOR SELECT TO casustafel_app
        USING (cst_case_visible(case_id, ${MANAGERS}))`);
    await q.query(`
      CREATE POLICY extract_recipient ON extract FOR SELECT TO casustafel_app
        USING (recipient_organisation_id = ${ORG} AND state IN ${ISSUED})`);
    await q.query(`
      CREATE POLICY extract_compose ON extract FOR INSERT TO casustafel_app
        WITH CHECK (composed_by = ${USER} AND from_organisation_id = ${ORG} AND state = 'TER_GOEDKEURING'
                    AND cst_case_visible(case_id, ${MANAGERS}))`);
    await q.query(`
      CREATE POLICY extract_manage ON extract FOR UPDATE TO casustafel_app
        USING (cst_case_visible(case_id, ${MANAGERS}))
        WITH CHECK (cst_case_visible(case_id, ${MANAGERS}))`);
    await q.query(`GRANT SELECT, INSERT ON extract TO casustafel_app`);
    await q.query(`
      GRANT UPDATE (state, decided_by, decided_at, decision_reason, issued_at, recalled_by, recalled_at, recall_reason,
                    superseded_at, pdf_sha256, json_sha256, version) ON extract TO casustafel_app`);

    await q.query(`ALTER TABLE extract_item ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY extract_item_managers ON extract_item FOR ALL TO casustafel_app
        USING (cst_extract_managed(extract_id)) WITH CHECK (cst_extract_managed(extract_id))`);
    await q.query(`GRANT SELECT, INSERT ON extract_item TO casustafel_app`);

    await q.query(`ALTER TABLE extract_document ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY extract_document_managers ON extract_document FOR ALL TO casustafel_app
        USING (cst_extract_managed(extract_id)) WITH CHECK (cst_extract_managed(extract_id))`);
    await q.query(`
      CREATE POLICY extract_document_recipient ON extract_document FOR SELECT TO casustafel_app
        USING (cst_extract_downloadable(extract_id))`);
    await q.query(`GRANT SELECT, INSERT ON extract_document TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(accessFunctionSql('cst_org_access', { breakGlass: false }));
    await q.query(accessFunctionSql('cst_access', { breakGlass: true }));
    await q.query(`DROP INDEX disclosure_extract_idx`);
    await q.query(`ALTER TABLE disclosure DROP COLUMN extract_id`);
    await q.query(`DROP TABLE extract_document, extract_item, extract`);
    await q.query(`DROP FUNCTION cst_extract_managed(uuid), cst_extract_downloadable(uuid)`);
    await q.query(`ALTER TABLE case_table DROP COLUMN extract_four_eyes`);
  }
}
