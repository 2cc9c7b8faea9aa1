import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of processing activities (verwerkingsregister, AVG art. 30; Logboek Dataverwerkingen
 * "register component"). Every version of an activity is a row of its own with its own identifier;
 * a change closes the current version and inserts the next, so every audit record's
 * `processing_activity_id` points to exactly the version that was in force (ADR 0018).
 *
 * A case table always has a registered activity: inserting a table with an identifier that is not
 * registered yet registers a first version for it (tests and seeders create tables directly).
 */
export class ProcessingActivityRegister1764420000000 implements MigrationInterface {
  name = 'ProcessingActivityRegister1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processing_activity (
        id text PRIMARY KEY CHECK (id ~* '^urn:[a-z0-9:._-]{3,250}$'),
        activity_key uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        region_id uuid NOT NULL REFERENCES region(id),
        table_id uuid REFERENCES case_table(id) DEFERRABLE INITIALLY DEFERRED,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
        legal_grounds text[] NOT NULL CHECK (cardinality(legal_grounds) >= 1),
        controllers text NOT NULL CHECK (length(controllers) BETWEEN 1 AND 2000),
        data_categories text[] NOT NULL CHECK (cardinality(data_categories) >= 1),
        subject_categories text[] NOT NULL CHECK (cardinality(subject_categories) >= 1),
        retention text NOT NULL CHECK (length(retention) BETWEEN 1 AND 1000),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        created_by uuid REFERENCES app_user(id),
        UNIQUE (activity_key, version),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX processing_activity_current_idx ON processing_activity (activity_key) WHERE valid_until IS NULL`,
    );
    await q.query(`CREATE INDEX processing_activity_region_idx ON processing_activity (region_id, activity_key)`);

    // A version is never edited: only its end is set, once. Nothing is deleted.
    await q.query(`
      CREATE FUNCTION processing_activity_versions_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.valid_until IS NULL AND NEW.valid_until IS NOT NULL
           AND (to_jsonb(NEW) - 'valid_until') = (to_jsonb(OLD) - 'valid_until') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a processing activity version cannot be changed or deleted; register a new version'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER processing_activity_versions_only BEFORE UPDATE OR DELETE ON processing_activity
        FOR EACH ROW EXECUTE FUNCTION processing_activity_versions_only()`);

    // Every table's activity is registered: an unknown identifier gets a first version.
    await q.query(`
      CREATE FUNCTION cst_register_table_activity() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NEW.processing_activity_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM processing_activity WHERE id = NEW.processing_activity_id) THEN
          INSERT INTO processing_activity (id, activity_key, version, region_id, table_id, name, purpose, legal_grounds,
                                           controllers, data_categories, subject_categories, retention, valid_from)
          VALUES (NEW.processing_activity_id, gen_random_uuid(), 1, NEW.region_id, NEW.id,
                  'Casusoverleg ' || NEW.name,
                  'Multidisciplinaire aanpak van complexe casuïstiek aan de casustafel ' || NEW.name
                    || ' van het Zorg- en Veiligheidshuis (WGS, art. 2.3).',
                  '{WGS,AVG_6_1_E}', 'De deelnemende partners van het convenant, als gezamenlijke verwerkingsverantwoordelijken.',
                  '{C1,C1B,C2,C3,C4,C5,C6,C7,C8,C9,C10,C11,C12,C13,C14}', '{SLACHTOFFER,VERDACHTE,GEZINSLID,OVERIG}',
                  'Tot ' || NEW.default_retention_months || ' maanden na afsluiting van de casus.', now());
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_table_registers_activity BEFORE INSERT OR UPDATE OF processing_activity_id ON case_table
        FOR EACH ROW EXECUTE FUNCTION cst_register_table_activity()`);

    // The tables that exist now.
    await q.query(`
      INSERT INTO processing_activity (id, activity_key, version, region_id, table_id, name, purpose, legal_grounds,
                                       controllers, data_categories, subject_categories, retention, valid_from)
      SELECT t.processing_activity_id, gen_random_uuid(), 1, t.region_id, t.id, 'Casusoverleg ' || t.name,
             'Multidisciplinaire aanpak van complexe casuïstiek aan de casustafel ' || t.name
               || ' van het Zorg- en Veiligheidshuis (WGS, art. 2.3).',
             '{WGS,AVG_6_1_E}', 'De deelnemende partners van het convenant, als gezamenlijke verwerkingsverantwoordelijken.',
             '{C1,C1B,C2,C3,C4,C5,C6,C7,C8,C9,C10,C11,C12,C13,C14}', '{SLACHTOFFER,VERDACHTE,GEZINSLID,OVERIG}',
             'Tot ' || t.default_retention_months || ' maanden na afsluiting van de casus.', t.created_at
      FROM case_table t
      ON CONFLICT (id) DO NOTHING`);
    await q.query(`
      ALTER TABLE case_table ADD CONSTRAINT case_table_processing_activity_fk
        FOREIGN KEY (processing_activity_id) REFERENCES processing_activity(id)`);

    await q.query(`GRANT SELECT, INSERT ON processing_activity TO casustafel_app`);
    await q.query(`GRANT UPDATE (valid_until) ON processing_activity TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_table DROP CONSTRAINT case_table_processing_activity_fk`);
    await q.query(`DROP TRIGGER case_table_registers_activity ON case_table`);
    await q.query(`DROP FUNCTION cst_register_table_activity()`);
    await q.query(`DROP TABLE processing_activity`);
    await q.query(`DROP FUNCTION processing_activity_versions_only()`);
  }
}
