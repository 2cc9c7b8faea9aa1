-- Benchmark data set for P1-P3 (libs/tooling/scripts/src/bench-cases.mjs), run as the schema owner
-- in the benchmark's own database, never the demo database. Set-based (generate_series), so
-- 200,000 cases take about a minute. Everything is FICTIONAL and says so.
--
-- Layout, after QUALITY-TARGETS §5 (25 regions, about 4 organisations per case):
-- - the demo region plus {{REGIONS_MINUS_ONE}} benchmark regions, each with a copy of the demo
--   organisations, case tables (with their visibility matrix) and covenant memberships;
-- - per organisation one benchmark user (item author; the ZVH one is procesregisseur);
-- - {{CASES}} cases spread evenly over the regions; per case the ZVH plus 2-4 partners of that
--   table, 1-3 persons, 1-5 items (mostly NORMAAL, some GEVOELIG, a few EMBARGO), and on
--   mensenhandel tables usually a mensenhandel panel.
-- The demo accounts' organisations therefore take part in a fraction of their region's cases
-- and in none of the other regions': row-level security and the filters really filter.
-- Placeholders {{...}} are filled in by bench-cases.mjs.

BEGIN;

-- Bulk load: the rows are derived by joins from rows that exist, so the foreign-key triggers are
-- skipped (replica mode); rows go in in primary-key order, and the plain secondary indexes of the
-- big tables are built once at the end instead of row by row. The indexes are back before COMMIT;
-- a failure rolls everything back. The random uuids themselves are as in production.
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE b_index ON COMMIT DROP AS
  SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i
  WHERE i.indrelid IN ('casus'::regclass, 'case_participant'::regclass, 'case_person'::regclass, 'case_item'::regclass)
    AND NOT i.indisprimary AND NOT i.indisunique;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT name FROM b_index LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
END $$;

-- Deterministic "random" numbers in [0, 1): the same data set on every run.
CREATE FUNCTION pg_temp.rnd(i bigint, salt bigint) RETURNS float8
  LANGUAGE sql IMMUTABLE AS $$ SELECT (hashint8extended(i, salt) & 4503599627370495)::float8 / 4503599627370496.0 $$;

CREATE TEMP TABLE b_region (idx int PRIMARY KEY, id uuid NOT NULL) ON COMMIT DROP;
INSERT INTO b_region SELECT 0, id FROM region WHERE code = 'gooi-en-vechtstreek';
WITH ins AS (
  INSERT INTO region (code, name)
  SELECT 'bench-' || lpad(g::text, 2, '0'), 'Benchmarkregio ' || g || ' (fictief)'
  FROM generate_series(1, {{REGIONS_MINUS_ONE}}) g
  RETURNING id, code
)
INSERT INTO b_region SELECT substr(code, 7)::int, id FROM ins;

-- Organisations: the demo region's own, copied into every benchmark region.
CREATE TEMP TABLE b_org ON COMMIT DROP AS
  SELECT r.idx AS region_idx, o.id AS demo_org,
         CASE WHEN r.idx = 0 THEN o.id ELSE gen_random_uuid() END AS id,
         o.name, o.partner_type, o.legal_regimes
  FROM organisation o
  JOIN b_region r0 ON r0.idx = 0 AND o.region_id = r0.id
  CROSS JOIN b_region r;
INSERT INTO organisation (id, region_id, name, partner_type, legal_regimes)
  SELECT b.id, r.id, b.name || ' (benchmarkregio ' || b.region_idx || ')', b.partner_type, b.legal_regimes
  FROM b_org b JOIN b_region r ON r.idx = b.region_idx
  WHERE b.region_idx > 0;

-- Case tables with their need-to-know configuration and covenant memberships.
CREATE TEMP TABLE b_table ON COMMIT DROP AS
  SELECT r.idx AS region_idx, t.id AS demo_table,
         CASE WHEN r.idx = 0 THEN t.id ELSE gen_random_uuid() END AS id,
         t.theme, (row_number() OVER (PARTITION BY r.idx ORDER BY t.name) - 1)::int AS k,
         count(*) OVER (PARTITION BY r.idx)::int AS n
  FROM case_table t
  JOIN b_region r0 ON r0.idx = 0 AND t.region_id = r0.id
  CROSS JOIN b_region r;
INSERT INTO case_table (id, region_id, name, theme, description, default_retention_months, processing_activity_id,
                        re_referral_window_months, signals, embargo_partner_types, matrix_version, number_prefix)
  SELECT b.id, r.id, t.name, t.theme, t.description, t.default_retention_months,
         replace(t.processing_activity_id, 'gooi-en-vechtstreek', 'bench-' || b.region_idx),
         t.re_referral_window_months, t.signals, t.embargo_partner_types, t.matrix_version, t.number_prefix
  FROM b_table b JOIN case_table t ON t.id = b.demo_table JOIN b_region r ON r.idx = b.region_idx
  WHERE b.region_idx > 0;
INSERT INTO visibility_matrix_version (table_id, version, changed_at, changed_by, reason, embargo_partner_types)
  SELECT b.id, v.version, v.changed_at, NULL, v.reason, v.embargo_partner_types
  FROM b_table b JOIN visibility_matrix_version v ON v.table_id = b.demo_table
  WHERE b.region_idx > 0;
INSERT INTO visibility_rule (table_id, version, category, partner_type, level)
  SELECT b.id, v.version, v.category, v.partner_type, v.level
  FROM b_table b JOIN visibility_rule v ON v.table_id = b.demo_table
  WHERE b.region_idx > 0;
INSERT INTO table_membership (table_id, organisation_id, status, since, until, document_ref)
  SELECT bt.id, bo.id, m.status, m.since, m.until, m.document_ref
  FROM table_membership m
  JOIN b_table bt ON bt.demo_table = m.table_id
  JOIN b_org bo ON bo.demo_org = m.organisation_id AND bo.region_idx = bt.region_idx
  WHERE bt.region_idx > 0;

-- One benchmark user per organisation (no password: they never sign in).
CREATE TEMP TABLE b_user ON COMMIT DROP AS
  SELECT bo.region_idx, bo.id AS org_id, bo.partner_type, gen_random_uuid() AS id,
         row_number() OVER (ORDER BY bo.region_idx, bo.name) AS n
  FROM b_org bo;
CREATE UNIQUE INDEX ON b_user (org_id);
INSERT INTO app_user (id, organisation_id, email, display_name)
  SELECT id, org_id, 'bench-' || n || '@bench.casustafel.example', 'Benchmarkgebruiker ' || n || ' (fictief)'
  FROM b_user;
INSERT INTO user_table_role (user_id, table_id, role)
  SELECT u.id, bt.id, CASE WHEN u.partner_type = 'ZVH' THEN 'PROCESREGISSEUR' ELSE 'DEELNEMER' END
  FROM b_user u
  JOIN b_table bt ON bt.region_idx = u.region_idx
  JOIN table_membership m ON m.table_id = bt.id AND m.organisation_id = u.org_id AND m.status IN ('SIGNATORY', 'GUEST');

-- Partners that may take part in a case of a table (the ZVH always does).
CREATE TEMP TABLE b_cand ON COMMIT DROP AS
  SELECT bt.id AS table_id, bo.id AS org_id, CASE WHEN m.status = 'GUEST' THEN 'GUEST' ELSE 'MEMBER' END AS basis,
         (row_number() OVER (PARTITION BY bt.id ORDER BY bo.name))::int AS k
  FROM b_table bt
  JOIN table_membership m ON m.table_id = bt.id AND m.status IN ('SIGNATORY', 'GUEST')
  JOIN b_org bo ON bo.id = m.organisation_id AND bo.partner_type <> 'ZVH';
CREATE INDEX ON b_cand (table_id);

CREATE TEMP TABLE b_case ON COMMIT DROP AS
  SELECT g AS i, gen_random_uuid() AS id, g % ({{REGIONS_MINUS_ONE}} + 1) AS region_idx,
         pg_temp.rnd(g, 1) AS r_table, pg_temp.rnd(g, 2) AS r_state,
         now() - pg_temp.rnd(g, 3) * interval '1825 days' AS opened_at, pg_temp.rnd(g, 4) AS r_updated
  FROM generate_series(1, {{CASES}}) g;
ALTER TABLE b_case ADD COLUMN table_id uuid, ADD COLUMN theme text, ADD COLUMN zvh_org uuid, ADD COLUMN zvh_user uuid,
  ADD COLUMN state text, ADD COLUMN updated_at timestamptz;
UPDATE b_case c SET table_id = bt.id, theme = bt.theme
  FROM b_table bt WHERE bt.region_idx = c.region_idx AND bt.k = floor(c.r_table * bt.n)::int;
UPDATE b_case c SET zvh_org = u.org_id, zvh_user = u.id
  FROM b_user u WHERE u.region_idx = c.region_idx AND u.partner_type = 'ZVH';
UPDATE b_case SET
  state = CASE WHEN r_state < 0.15 THEN 'INFORMATIEVERZAMELING' WHEN r_state < 0.25 THEN 'GEAGENDEERD'
               WHEN r_state < 0.60 THEN 'IN_UITVOERING' WHEN r_state < 0.75 THEN 'MONITORING'
               WHEN r_state < 0.78 THEN 'OPGESCHAALD' WHEN r_state < 0.85 THEN 'AFGESCHAALD' ELSE 'AFGESLOTEN' END,
  updated_at = opened_at + r_updated * (now() - opened_at);
CREATE UNIQUE INDEX ON b_case (i);

INSERT INTO casus (id, number, table_id, state, opened_at, closed_at, retention_until, responsible_organisation_id,
                   procesregisseur_id, embargo, reason, goal, updated_at)
  SELECT id, 'BM-' || lpad(i::text, 7, '0'), table_id, state, opened_at,
         CASE WHEN state = 'AFGESLOTEN' THEN updated_at END,
         CASE WHEN state = 'AFGESLOTEN' THEN (updated_at + interval '60 months')::date END,
         zvh_org, zvh_user, pg_temp.rnd(i, 5) < 0.05,
         'Benchmarkcasus ' || i || ' (fictief): zorgen over veiligheid en bestaanszekerheid van het huishouden; '
           || 'meerdere partners zijn betrokken en stemmen hun aanpak af aan de casustafel.',
         'Veiligheid geborgd, zorg en hulpverlening afgestemd, één plan met één regisseur (fictief).',
         updated_at
  FROM b_case ORDER BY id;

-- Participants: position 0 is the ZVH, then 2-4 partners drawn from the table's members.
CREATE TEMP TABLE b_part ON COMMIT DROP AS
  SELECT c.i, c.id AS case_id, c.zvh_org AS org_id, 'MEMBER'::text AS basis, 0 AS pos, c.opened_at
  FROM b_case c
  UNION ALL
  SELECT c.i, c.id, p.org_id, p.basis, p.pos, c.opened_at
  FROM b_case c
  CROSS JOIN LATERAL (
    SELECT x.org_id, x.basis, (row_number() OVER (ORDER BY pg_temp.rnd(c.i * 64 + x.k, 6)))::int AS pos
    FROM b_cand x WHERE x.table_id = c.table_id
  ) p
  WHERE p.pos <= 2 + floor(pg_temp.rnd(c.i, 7) * 3)::int;
INSERT INTO case_participant (case_id, organisation_id, basis, since)
  SELECT case_id, org_id, basis, opened_at FROM b_part ORDER BY case_id, org_id;
CREATE TEMP TABLE b_part_count ON COMMIT DROP AS SELECT i, count(*)::int AS n FROM b_part GROUP BY i;
CREATE UNIQUE INDEX ON b_part (i, pos);
CREATE UNIQUE INDEX ON b_part_count (i);

-- Persons: 1-3 per case; the first is the victim (slachtoffer), owned by the ZVH; the others by
-- the first partner.
CREATE TEMP TABLE b_person ON COMMIT DROP AS
  SELECT c.i, c.id AS case_id, s AS position, gen_random_uuid() AS person_id, c.opened_at
  FROM b_case c CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.rnd(c.i, 20) * 3)::int) s;
INSERT INTO person (id, given_name, family_name, date_of_birth, address, pseudonym, created_at)
  SELECT person_id,
         (ARRAY['Sam','Noa','Lars','Iris','Mo','Eva','Daan','Lina','Bo','Ravi'])[1 + (i + position) % 10],
         'Benchpersoon ' || i || '-' || position || ' (fictief)',
         date '1950-01-01' + floor(pg_temp.rnd(i * 4 + position, 21) * 25000)::int,
         'Benchstraat ' || i || ', Benchdorp (fictief)',
         'bench-' || i || '-' || position, opened_at
  FROM b_person ORDER BY person_id;
INSERT INTO case_person (case_id, person_id, role, position, owner_organisation_id)
  SELECT p.case_id, p.person_id,
         CASE WHEN p.position = 1 THEN 'SLACHTOFFER'
              ELSE (ARRAY['VERDACHTE','GEZINSLID','PARTNER','KIND'])[1 + p.i % 4] END,
         p.position, o.org_id
  FROM b_person p JOIN b_part o ON o.i = p.i AND o.pos = CASE WHEN p.position = 1 THEN 0 ELSE 1 END
  ORDER BY p.case_id, p.person_id;

-- Items: 1-5 per case, written by a participant.
CREATE TEMP TABLE b_item ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, c.i, c.id AS case_id, s, c.opened_at, c.updated_at,
         floor(pg_temp.rnd(c.i * 8 + s, 31) * pc.n)::int AS author_pos,
         pg_temp.rnd(c.i * 8 + s, 32) AS r_cat, pg_temp.rnd(c.i * 8 + s, 33) AS r_sens
  FROM b_case c JOIN b_part_count pc ON pc.i = c.i
  CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.rnd(c.i, 30) * 5)::int) s;
INSERT INTO case_item (id, case_id, category, sensitivity, title, body, legal_ground, author_organisation_id, author_id,
                       created_at, updated_at)
  SELECT b.id, b.case_id,
         (ARRAY['C1','C1B','C2','C3','C4','C5','C6','C7','C8','C9','C10','C11','C12','C13','C14'])[1 + floor(b.r_cat * 15)::int],
         CASE WHEN b.r_sens < 0.85 THEN 'NORMAAL' WHEN b.r_sens < 0.97 THEN 'GEVOELIG' ELSE 'EMBARGO' END,
         'Benchmarknotitie ' || b.s || ' bij casus ' || b.i || ' (fictief)',
         'Fictieve notitie voor de benchmark. Gesprek gevoerd met de betrokkene; afspraken over de volgende stap '
           || 'zijn vastgelegd en worden in het casusoverleg besproken. Geen echte gegevens (fictief).',
         'AVG_6_1_E', p.org_id, u.id,
         b.opened_at + (b.s / 6.0) * (b.updated_at - b.opened_at), b.updated_at
  FROM b_item b
  JOIN b_part p ON p.i = b.i AND p.pos = b.author_pos
  JOIN b_user u ON u.org_id = p.org_id
  ORDER BY b.id;

-- The mensenhandel panel on most mensenhandel cases (exploitation part owned by the ZVH).
INSERT INTO case_mensenhandel (case_id, forms, victim_status, comensha_reported, exploitation_owner_id, updated_at)
  SELECT c.id, CASE WHEN pg_temp.rnd(c.i, 40) < 0.5 THEN '{ARBEID}'::text[] ELSE '{SEKSUEEL}'::text[] END,
         'MOGELIJK_SLACHTOFFER', pg_temp.rnd(c.i, 41) < 0.3, c.zvh_org, c.updated_at
  FROM b_case c
  WHERE c.theme = 'MENSENHANDEL' AND pg_temp.rnd(c.i, 42) < 0.7
  ORDER BY c.id;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT def FROM b_index LOOP EXECUTE r.def; END LOOP;
END $$;

COMMIT;
