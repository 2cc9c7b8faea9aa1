import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accessFunctionSql } from './1764450000000-break-the-glass';

const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
const CASE = `((select cst_user_tables('{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}'))::uuid[])`;

/**
 * The live room's projection per organisation (ADR 0023, DESIGN-NOTES §4):
 * - `cst_org_access`: the one access policy (the body of `cst_access`, reused, not copied) for the
 *   CONTEXT organisation, without the acting user's break-glass openings: the room is per
 *   organisation, so what one procesregisseur opened for themself must not reach their colleagues'
 *   screens. It still needs a user of that organisation with a case role at the table in the
 *   security context (the projection runs as one of the organisation's users in the room), so
 *   row-level security backs every push too;
 * - `cst_meeting_audience`: which organisations take part in a meeting (the table's signatories,
 *   and the organisations invited to an item as guests, with those items). Codes and ids only; it
 *   answers the system (the gateway, no user) and participants of the meeting, nobody else;
 * - every participant appends to the meeting's event log, which takes the next sequence number
 *   under the meeting row's lock (`update meeting set last_seq = …`, `select … for update`): a
 *   policy lets participants update the meeting row, and a trigger refuses any change other than
 *   `last_seq` unless the user plans at the table or chairs / takes the minutes of the meeting.
 */
export class CaseConferenceProjection1764481000000 implements MigrationInterface {
  name = 'CaseConferenceProjection1764481000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(accessFunctionSql('cst_org_access', { breakGlass: false }));
    await q.query(`REVOKE ALL ON FUNCTION cst_org_access(uuid, text, text, uuid[], uuid) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION cst_org_access(uuid, text, text, uuid[], uuid) TO casustafel_app`,
    );

    await q.query(`
      CREATE FUNCTION cst_meeting_audience(p_meeting uuid)
      RETURNS TABLE (organisation_id uuid, guest boolean, guest_item_ids uuid[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH mt AS (
          SELECT m.id, m.table_id FROM meeting m
          WHERE m.id = p_meeting
            AND (${USER} IS NULL
                 OR cst_meeting_visible(m.id, cst_user_tables('{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}')))
        ), members AS (
          SELECT tm.organisation_id FROM table_membership tm JOIN mt ON mt.table_id = tm.table_id
          WHERE tm.status = 'SIGNATORY' AND tm.since <= current_date AND (tm.until IS NULL OR tm.until >= current_date)
        ), invited AS (
          SELECT i.organisation_id, array_agg(a.id ORDER BY a.position) AS items
          FROM agenda_item a JOIN mt ON mt.id = a.meeting_id JOIN agenda_invitee i ON i.agenda_item_id = a.id
          GROUP BY i.organisation_id
        )
        SELECT m.organisation_id, false, '{}'::uuid[] FROM members m
        UNION ALL
        SELECT i.organisation_id, true, i.items FROM invited i
        WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.organisation_id = i.organisation_id)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_meeting_audience(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_meeting_audience(uuid) TO casustafel_app`);

    await q.query(`
      CREATE POLICY meeting_sequence ON meeting FOR UPDATE TO casustafel_app
        USING (cst_meeting_visible(id, ${CASE}))
        WITH CHECK (cst_meeting_visible(id, ${CASE}))`);
    await q.query(`
      CREATE FUNCTION cst_meeting_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${USER} IS NULL OR (to_jsonb(NEW) - 'last_seq') = (to_jsonb(OLD) - 'last_seq') THEN
          RETURN NEW;
        END IF;
        IF OLD.table_id = ANY (cst_user_tables('{PROCESREGISSEUR,VOORZITTER}'))
           OR ${USER} IN (OLD.chair_user_id, OLD.minute_taker_user_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'only the chair, the minute-taker or a planner of the table changes a meeting'
          USING ERRCODE = '42501';
      END $$`);
    await q.query(`
      CREATE TRIGGER meeting_guard BEFORE UPDATE ON meeting FOR EACH ROW EXECUTE FUNCTION cst_meeting_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER meeting_guard ON meeting`);
    await q.query(`DROP FUNCTION cst_meeting_guard()`);
    await q.query(`DROP POLICY meeting_sequence ON meeting`);
    await q.query(`DROP FUNCTION cst_meeting_audience(uuid)`);
    await q.query(`DROP FUNCTION cst_org_access(uuid, text, text, uuid[], uuid)`);
  }
}
