import type { MigrationInterface, QueryRunner } from 'typeorm';

const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
const CASE_TABLES = `cst_user_tables('{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}')`;
const OWNERS = (piece: string) => `ARRAY(SELECT jsonb_array_elements_text(${piece}->'owners'))::uuid[]`;

/**
 * Minutes per organisation (ADR 0023). The minutes hold everything said in the meeting (notes of
 * every category, embargoed ones too); each organisation reads only what the one access policy
 * (`cst_access`) lets it see. So the full content never reaches the application:
 * - `cst_minutes_content(meeting)` collects it (attendance; per agenda item its case, invited
 *   organisations, the minute-taker's summary, the live notes, decisions and actions, each piece
 *   with its category, sensitivity and owner organisations) — internal, not callable by the app;
 * - `cst_minutes_snapshot(...)` stores that content as an immutable `minutes_version` when the
 *   chair establishes the minutes (only the chair of the meeting may);
 * - `cst_minutes_read(meeting, version)` answers the reader's organisation: the concept (version
 *   null, from the live tables) or a stored version, filtered piece by piece through `cst_access`
 *   for the reader: items of a case the organisation takes no part in are `restricted` (no case, no
 *   content), a guest (not a signatory of the table) gets only the items it was invited to, notes
 *   and the summary are FULL or SUMMARY (text withheld) or absent, decisions and actions (C3) only
 *   when FULL. Nothing when the reader does not take part in the meeting.
 * The app role may read the versions' metadata, never their content column.
 */
export class MinutesPerOrganisation1764482000000 implements MigrationInterface {
  name = 'MinutesPerOrganisation1764482000000';

  async up(q: QueryRunner): Promise<void> {
    const org = (alias: string) =>
      `jsonb_build_object('id', ${alias}.id, 'name', ${alias}.name, 'partnerType', ${alias}.partner_type)`;
    await q.query(`
      CREATE FUNCTION cst_minutes_content(p_meeting uuid) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT jsonb_build_object(
          'attendance', COALESCE((
            SELECT jsonb_agg(jsonb_build_object('organisation', ${org('o')}, 'status', at.status, 'note', at.note,
                     'guest', NOT EXISTS (SELECT 1 FROM table_membership tm WHERE tm.table_id = mt.table_id
                                            AND tm.organisation_id = o.id AND tm.status = 'SIGNATORY'))
                     ORDER BY o.name)
            FROM meeting_attendance at JOIN organisation o ON o.id = at.organisation_id
            WHERE at.meeting_id = mt.id), '[]'),
          'items', COALESCE((
            SELECT jsonb_agg(jsonb_build_object(
                     'agendaItemId', a.id, 'order', a.position, 'caseId', a.case_id, 'caseNumber', c.number,
                     'invited', COALESCE((SELECT jsonb_agg(i.organisation_id) FROM agenda_invitee i
                                          WHERE i.agenda_item_id = a.id), '[]'),
                     'summary', (SELECT jsonb_build_object('category', s.category, 'sensitivity', 'NORMAAL',
                                          'owners', jsonb_build_array(s.author_organisation_id), 'text', s.text,
                                          'version', s.version)
                                 FROM minutes_item_summary s WHERE s.meeting_id = mt.id AND s.agenda_item_id = a.id),
                     'notes', COALESCE((
                        SELECT jsonb_agg(jsonb_build_object('id', n.id, 'agendaItemId', a.id, 'category', n.category,
                                 'sensitivity', n.sensitivity, 'owners', jsonb_build_array(n.author_organisation_id),
                                 'text', n.body, 'authorOrganisation', ${org('no')}, 'createdAt', n.created_at)
                                 ORDER BY n.created_at, n.id)
                        FROM case_item n JOIN organisation no ON no.id = n.author_organisation_id
                        WHERE n.meeting_id = mt.id AND n.agenda_item_id = a.id), '[]'),
                     'decisions', COALESCE((
                        SELECT jsonb_agg(jsonb_build_object('id', d.id, 'agendaItemId', a.id, 'caseId', d.case_id,
                                 'type', d.type, 'text', d.text, 'decidedAt', d.decided_at,
                                 'owners', jsonb_build_array(d.author_organisation_id)) ORDER BY d.decided_at, d.id)
                        FROM meeting_decision d WHERE d.meeting_id = mt.id AND d.agenda_item_id = a.id), '[]'),
                     'actions', COALESCE((
                        SELECT jsonb_agg(jsonb_build_object('id', x.id, 'caseId', x.case_id, 'caseNumber', c.number,
                                 'meetingId', x.meeting_id, 'agendaItemId', x.agenda_item_id,
                                 'description', x.description, 'ownerOrganisation', ${org('xo')},
                                 'ownerUser', CASE WHEN xu.id IS NULL THEN NULL ELSE jsonb_build_object('id', xu.id,
                                                'displayName', xu.display_name, 'organisationId', xu.organisation_id) END,
                                 'dueDate', to_char(x.due_date, 'YYYY-MM-DD'), 'status', x.status,
                                 'notDoneReason', x.not_done_reason, 'statusNote', x.status_note, 'version', x.version,
                                 'owners', jsonb_build_array(x.author_organisation_id, x.owner_organisation_id))
                                 ORDER BY x.due_date, x.id)
                        FROM case_action x JOIN organisation xo ON xo.id = x.owner_organisation_id
                        LEFT JOIN app_user xu ON xu.id = x.owner_user_id
                        WHERE x.meeting_id = mt.id AND x.agenda_item_id = a.id), '[]'))
                     ORDER BY a.position, a.id)
            FROM agenda_item a JOIN casus c ON c.id = a.case_id
            WHERE a.meeting_id = mt.id), '[]'))
        FROM meeting mt WHERE mt.id = p_meeting
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_minutes_content(uuid) FROM PUBLIC`);

    // Only the chair of the meeting stores a version; its content is collected here, not sent by the app.
    await q.query(`
      CREATE FUNCTION cst_minutes_snapshot(p_meeting uuid, p_version integer, p_at timestamptz, p_reason text)
      RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM meeting WHERE id = p_meeting AND chair_user_id = ${USER}) THEN
          RAISE EXCEPTION 'only the chair of the meeting establishes its minutes' USING ERRCODE = '42501';
        END IF;
        INSERT INTO minutes_version (meeting_id, version, content, established_at, established_by, change_reason)
        VALUES (p_meeting, p_version, cst_minutes_content(p_meeting), p_at, ${USER}, p_reason);
      END $$`);

    const access = (piece: string) =>
      `cst_access((i.item->>'caseId')::uuid, ${piece}->>'category', ${piece}->>'sensitivity', ${OWNERS(piece)}, (${piece}->>'id')::uuid)`;
    await q.query(`
      CREATE FUNCTION cst_minutes_read(p_meeting uuid, p_version integer) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH v AS (
          SELECT CASE WHEN p_version IS NULL THEN cst_minutes_content(p_meeting)
                      ELSE (SELECT mv.content FROM minutes_version mv
                            WHERE mv.meeting_id = p_meeting AND mv.version = p_version) END AS content
          WHERE cst_meeting_visible(p_meeting, ${CASE_TABLES})
        ), me AS (
          SELECT EXISTS (SELECT 1 FROM meeting mt JOIN table_membership tm ON tm.table_id = mt.table_id
                         WHERE mt.id = p_meeting AND tm.organisation_id = ${ORG} AND tm.status = 'SIGNATORY'
                           AND tm.since <= current_date AND (tm.until IS NULL OR tm.until >= current_date)) AS member
        ), items AS (
          SELECT e.ord, e.item, cst_case_visible((e.item->>'caseId')::uuid, ${CASE_TABLES}) AS open
          FROM v CROSS JOIN me CROSS JOIN LATERAL jsonb_array_elements(v.content->'items') WITH ORDINALITY AS e(item, ord)
          WHERE me.member OR (e.item->'invited') ? (${ORG})::text
        )
        SELECT jsonb_build_object(
          'attendance', v.content->'attendance',
          'items', COALESCE((SELECT jsonb_agg(CASE
              WHEN NOT i.open THEN jsonb_build_object('agendaItemId', i.item->'agendaItemId', 'order', i.item->'order',
                                     'restricted', true, 'caseId', NULL, 'caseNumber', NULL, 'summary', NULL,
                                     'notes', '[]'::jsonb, 'decisions', '[]'::jsonb, 'actions', '[]'::jsonb)
              ELSE jsonb_build_object(
                'agendaItemId', i.item->'agendaItemId', 'order', i.item->'order', 'restricted', false,
                'caseId', i.item->'caseId', 'caseNumber', i.item->'caseNumber',
                'summary', (SELECT CASE WHEN x.acc LIKE 'FULL%'
                                          THEN jsonb_build_object('category', s.p->'category', 'text', s.p->'text',
                                                 'visibility', 'FULL', 'version', s.p->'version')
                                        WHEN x.acc = 'SUMMARY'
                                          THEN jsonb_build_object('category', s.p->'category', 'text', NULL,
                                                 'visibility', 'SUMMARY', 'version', s.p->'version') END
                            FROM (SELECT i.item->'summary' AS p) s
                            CROSS JOIN LATERAL (SELECT ${access('s.p')} AS acc) x
                            WHERE jsonb_typeof(s.p) = 'object'),
                'notes', COALESCE((
                   SELECT jsonb_agg(CASE WHEN x.acc LIKE 'FULL%' THEN (n.p - 'owners') || '{"visibility": "FULL"}'
                                         ELSE (n.p - 'owners') || '{"visibility": "SUMMARY", "text": null}' END
                                    ORDER BY n.ord)
                   FROM jsonb_array_elements(i.item->'notes') WITH ORDINALITY AS n(p, ord)
                   CROSS JOIN LATERAL (SELECT ${access('n.p')} AS acc) x
                   WHERE x.acc LIKE 'FULL%' OR x.acc = 'SUMMARY'), '[]'),
                'decisions', COALESCE((
                   SELECT jsonb_agg(d.p - 'owners' ORDER BY d.ord)
                   FROM jsonb_array_elements(i.item->'decisions') WITH ORDINALITY AS d(p, ord)
                   WHERE cst_access((i.item->>'caseId')::uuid, 'C3', 'NORMAAL', ${OWNERS('d.p')}, NULL) LIKE 'FULL%'), '[]'),
                'actions', COALESCE((
                   SELECT jsonb_agg(t.p - 'owners' ORDER BY t.ord)
                   FROM jsonb_array_elements(i.item->'actions') WITH ORDINALITY AS t(p, ord)
                   WHERE cst_access((i.item->>'caseId')::uuid, 'C3', 'NORMAAL', ${OWNERS('t.p')}, NULL) LIKE 'FULL%'), '[]'))
              END ORDER BY i.ord) FROM items i), '[]'))
        FROM v WHERE v.content IS NOT NULL
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION cst_minutes_snapshot(uuid, integer, timestamptz, text), cst_minutes_read(uuid, integer)
      FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION cst_minutes_snapshot(uuid, integer, timestamptz, text), cst_minutes_read(uuid, integer)
      TO casustafel_app`);

    // The content column only through cst_minutes_read; versions only through cst_minutes_snapshot.
    await q.query(`REVOKE ALL ON minutes_version FROM casustafel_app`);
    await q.query(`GRANT SELECT (meeting_id, version, established_at, established_by, change_reason)
      ON minutes_version TO casustafel_app`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_unread_idx`);
    await q.query(`REVOKE ALL ON minutes_version FROM casustafel_app`);
    await q.query(`GRANT SELECT, INSERT ON minutes_version TO casustafel_app`);
    await q.query(`DROP FUNCTION cst_minutes_read(uuid, integer), cst_minutes_snapshot(uuid, integer, timestamptz, text),
      cst_minutes_content(uuid)`);
  }
}
