import type { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM_TEXTS = `'Toegang, beveiliging en verantwoording',
  'Inloggen, sessies, beheer van gebruikers en organisaties, en het vastleggen en verantwoorden van elke '
    || 'verwerking (NEN 7513, Logboek Dataverwerkingen), inclusief geweigerde toegang en noodtoegang.',
  '{AVG_6_1_C,AVG_6_1_E}',
  'De deelnemende partners van het convenant, als gezamenlijke verwerkingsverantwoordelijken; de ZVH als beheerder.',
  '{C1}', '{OVERIG}',
  'Logregels: zolang de verantwoording dat vraagt, ten minste de bewaartermijn van de casussen.'`;

/**
 * Every audit record points to exactly one version of a processing activity (issue 5, ADR 0018):
 * - each region has one region-wide "system" activity (access, security and accountability), and
 *   the installation has one for events without a known region (a login attempt for an unknown
 *   account); a new region gets its own at once;
 * - a BEFORE INSERT trigger on audit_event — named to fire before the chain trigger, so the hash
 *   covers the value — fills an empty processing_activity_id: the activity of the case's or the
 *   registration's table, else the region's system activity (via the actor's organisation or user),
 *   else the installation's.
 */
export class AuditActivityForEveryRecord1764470000000 implements MigrationInterface {
  name = 'AuditActivityForEveryRecord1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processing_activity ADD COLUMN system boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE processing_activity ALTER COLUMN region_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE processing_activity ADD CONSTRAINT processing_activity_region_or_system
         CHECK (region_id IS NOT NULL OR system)`,
    );
    await q.query(`
      CREATE UNIQUE INDEX processing_activity_system_idx
        ON processing_activity (coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid))
        WHERE system AND valid_until IS NULL`);

    await q.query(`
      CREATE FUNCTION cst_register_system_activity(p_region uuid) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        INSERT INTO processing_activity (id, activity_key, version, region_id, table_id, name, purpose, legal_grounds,
                                         controllers, data_categories, subject_categories, retention, valid_from, system)
        SELECT 'urn:casustafel:verwerking:' || k || ':v1', k, 1, p_region, NULL, ${SYSTEM_TEXTS}, now(), true
        FROM (SELECT gen_random_uuid() AS k) x
        WHERE NOT EXISTS (SELECT 1 FROM processing_activity
                          WHERE system AND valid_until IS NULL AND region_id IS NOT DISTINCT FROM p_region)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_register_system_activity(uuid) FROM PUBLIC`);
    await q.query(`SELECT cst_register_system_activity(NULL)`);
    await q.query(`SELECT cst_register_system_activity(id) FROM region`);
    await q.query(`
      CREATE FUNCTION cst_region_registers_activity() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM cst_register_system_activity(NEW.id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER region_registers_activity AFTER INSERT ON region
        FOR EACH ROW EXECUTE FUNCTION cst_region_registers_activity()`);

    await q.query(`
      CREATE FUNCTION cst_audit_fill_activity() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
      BEGIN
        IF NEW.processing_activity_id IS NOT NULL THEN
          RETURN NEW;
        END IF;
        IF NEW.object_type = 'case' AND NEW.object_id ~ v_uuid THEN
          SELECT t.processing_activity_id INTO NEW.processing_activity_id
          FROM casus c JOIN case_table t ON t.id = c.table_id WHERE c.id = NEW.object_id::uuid;
        ELSIF NEW.object_type = 'registration' AND NEW.object_id ~ v_uuid THEN
          SELECT t.processing_activity_id INTO NEW.processing_activity_id
          FROM registration r JOIN case_table t ON t.id = r.table_id WHERE r.id = NEW.object_id::uuid;
        END IF;
        IF NEW.processing_activity_id IS NULL THEN
          SELECT a.id INTO NEW.processing_activity_id
          FROM processing_activity a
          WHERE a.system AND a.valid_until IS NULL
            AND a.region_id = coalesce(
                  (SELECT o.region_id FROM organisation o WHERE o.id = NEW.actor_organisation_id),
                  (SELECT o.region_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
                   WHERE u.id = NEW.actor_user_id));
        END IF;
        IF NEW.processing_activity_id IS NULL THEN
          SELECT a.id INTO NEW.processing_activity_id
          FROM processing_activity a WHERE a.system AND a.valid_until IS NULL AND a.region_id IS NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_audit_fill_activity() FROM PUBLIC`);
    // Row triggers fire in name order: "activity" before "chain", so the hash covers the filled value.
    await q.query(`
      CREATE TRIGGER audit_event_activity BEFORE INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION cst_audit_fill_activity()`);
  }

  async down(): Promise<void> {
    // Audit records already point at the system activities, and versions are never deleted.
    throw new Error('AuditActivityForEveryRecord1764470000000 is not reversible.');
  }
}
