import type { MigrationInterface, QueryRunner } from 'typeorm';

const ORG = `(select nullif(current_setting('app.organisation_id', true), '')::uuid)`;
const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
const TABLES = (roles: string) => `((select cst_user_tables(${roles}))::uuid[])`;
const CASE = TABLES(`'{PROCESREGISSEUR,VOORZITTER,CASUSREGISSEUR,DEELNEMER,ZORGCOORDINATOR,TRIAGIST}'`);
const MANAGERS = TABLES(`'{PROCESREGISSEUR,VOORZITTER}'`);
/** A request with no user: a job or the start-up (the system itself). */
const SYSTEM = `(${USER} IS NULL)`;

/**
 * The case conference's tables (ADR 0023): meetings, agenda items and their invited organisations,
 * attendance, the confidentiality acknowledgements, the per-meeting event log (sequence numbers
 * assigned in the writing transaction), decisions, partner-owned actions, minutes with immutable
 * versions, in-app notifications, the mail outbox and durable jobs. Live notes are case items
 * (with the meeting and agenda item they were written in), so the one access policy covers them.
 *
 * Row-level security (the second wall): a meeting exists for a user with a case role at its table
 * whose organisation is a signatory there, or is invited to one of its items (a guest: only its own
 * items). Decisions and actions follow their case (participants; the action's owner too); what each
 * organisation sees of notes and minutes is the access policy's projection in code (ADR 0023).
 * Notifications are their user's; the mail outbox and jobs belong to the system (no user).
 */
export class CaseConference1764480000000 implements MigrationInterface {
  name = 'CaseConference1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        table_id uuid NOT NULL REFERENCES case_table(id),
        type text NOT NULL CHECK (type IN ('TRIAGE','CASUSOVERLEG','EVALUATIE')),
        scheduled_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
        location text CHECK (length(location) <= 200),
        online_link text CHECK (length(online_link) <= 500),
        chair_user_id uuid NOT NULL REFERENCES app_user(id),
        minute_taker_user_id uuid REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'GEPLAND' CHECK (status IN ('GEPLAND','AGENDA_VERZONDEN','LIVE','AFGEROND',
          'VERSLAG_CONCEPT','VERSLAG_VASTGESTELD')),
        current_agenda_item_id uuid,
        timer_running boolean NOT NULL DEFAULT false,
        timer_started_at timestamptz,
        timer_elapsed_seconds integer NOT NULL DEFAULT 0 CHECK (timer_elapsed_seconds >= 0),
        -- The last event's sequence number; the next event takes last_seq + 1 under the row lock.
        last_seq bigint NOT NULL DEFAULT 0,
        started_at timestamptz,
        ended_at timestamptz,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX meeting_table_idx ON meeting (table_id, scheduled_at)`);

    await q.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        timebox_minutes integer NOT NULL CHECK (timebox_minutes BETWEEN 1 AND 240),
        timer_elapsed_seconds integer NOT NULL DEFAULT 0 CHECK (timer_elapsed_seconds >= 0),
        created_at timestamptz NOT NULL,
        UNIQUE (meeting_id, case_id)
      )`);
    await q.query(`CREATE INDEX agenda_item_case_idx ON agenda_item (case_id)`);
    await q.query(`
      ALTER TABLE meeting ADD CONSTRAINT meeting_current_item_fk
        FOREIGN KEY (current_agenda_item_id) REFERENCES agenda_item(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE agenda_invitee (
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        basis text NOT NULL CHECK (basis IN ('MEMBER','GUEST')),
        PRIMARY KEY (agenda_item_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX agenda_invitee_org_idx ON agenda_invitee (organisation_id)`);

    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        status text NOT NULL CHECK (status IN ('PRESENT','APOLOGY','INFO_SENT','ABSENT')),
        note text CHECK (length(note) <= 500),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, organisation_id)
      )`);

    await q.query(`
      CREATE TABLE meeting_confidentiality_ack (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        statement_version integer NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, user_id)
      )`);

    // The event log: the push is only a notification of one of these rows (DESIGN-NOTES §4). It
    // holds references and codes; content is read from its own table when projected.
    await q.query(`
      CREATE TABLE meeting_event (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        seq bigint NOT NULL CHECK (seq > 0),
        type text NOT NULL CHECK (type IN ('STATUS_CHANGED','CURRENT_ITEM_CHANGED','TIMER_CHANGED',
          'ATTENDANCE_CHANGED','NOTE_ADDED','DECISION_RECORDED','ACTION_CREATED','ACTION_CHANGED','AGENDA_CHANGED')),
        agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL,
        ref_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        actor_user_id uuid REFERENCES app_user(id),
        actor_organisation_id uuid REFERENCES organisation(id),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 100),
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, seq),
        UNIQUE (meeting_id, actor_user_id, idempotency_key)
      )`);

    await q.query(`
      ALTER TABLE case_item
        ADD COLUMN meeting_id uuid REFERENCES meeting(id) ON DELETE SET NULL,
        ADD COLUMN agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX case_item_meeting_idx ON case_item (meeting_id) WHERE meeting_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE meeting_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('INCLUSIE','PLAN_VASTGESTELD','OPSCHALEN','AFSCHALEN','AFSLUITEN',
          'MONITOREN','ANDERS')),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        author_organisation_id uuid NOT NULL REFERENCES organisation(id),
        decided_by uuid NOT NULL REFERENCES app_user(id),
        decided_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX meeting_decision_meeting_idx ON meeting_decision (meeting_id)`);
    await q.query(`CREATE INDEX meeting_decision_case_idx ON meeting_decision (case_id)`);

    await q.query(`
      CREATE TABLE case_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meeting(id) ON DELETE SET NULL,
        agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
        author_organisation_id uuid NOT NULL REFERENCES organisation(id),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        owner_user_id uuid REFERENCES app_user(id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_UITVOERING','AFGEROND','NIET_UITGEVOERD',
          'VERVALLEN')),
        not_done_reason text CHECK (not_done_reason IN ('OMSTANDIGHEDEN_GEWIJZIGD','NIET_OPGEPAKT','ANDERS')),
        status_note text CHECK (length(status_note) <= 1000),
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        -- Reminder bookkeeping (durable: a restart loses no reminder, a retry sends none twice).
        assigned_notified_at timestamptz,
        due_soon_notified_at timestamptz,
        overdue_notified_at timestamptz,
        CHECK ((status = 'NIET_UITGEVOERD') = (not_done_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX case_action_case_idx ON case_action (case_id)`);
    await q.query(
      `CREATE INDEX case_action_owner_idx ON case_action (owner_organisation_id, status, due_date)`,
    );
    await q.query(
      `CREATE INDEX case_action_open_due_idx ON case_action (due_date) WHERE status IN ('OPEN','IN_UITVOERING')`,
    );

    await q.query(`
      CREATE TABLE minutes (
        meeting_id uuid PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        -- The version being edited or the last vastgesteld one.
        version integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'CONCEPT' CHECK (status IN ('CONCEPT','VASTGESTELD')),
        change_reason text CHECK (length(change_reason) <= 1000),
        updated_at timestamptz NOT NULL,
        row_version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE minutes_item_summary (
        meeting_id uuid NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        category text NOT NULL,
        text text NOT NULL CHECK (length(text) <= 20000),
        author_organisation_id uuid NOT NULL REFERENCES organisation(id),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (meeting_id, agenda_item_id)
      )`);
    // A vastgesteld version is immutable: a snapshot of what the minutes said, with each piece's
    // category, sensitivity and owners so every organisation's reading is filtered by the policy.
    await q.query(`
      CREATE TABLE minutes_version (
        meeting_id uuid NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        version integer NOT NULL,
        content jsonb NOT NULL,
        established_at timestamptz NOT NULL,
        established_by uuid NOT NULL REFERENCES app_user(id),
        change_reason text CHECK (length(change_reason) <= 1000),
        PRIMARY KEY (meeting_id, version)
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('ACTION_ASSIGNED','ACTION_DUE_SOON','ACTION_OVERDUE','AGENDA_SENT',
          'MINUTES_ESTABLISHED')),
        action_id uuid REFERENCES case_action(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);

    // Outgoing e-mail: written in the transaction that decides to send, sent by a job (never personal data).
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL CHECK (length(to_address) <= 320),
        subject text NOT NULL CHECK (length(subject) <= 200),
        body text NOT NULL CHECK (length(body) <= 5000),
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        sent_at timestamptz,
        last_error text
      )`);
    await q.query(`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL`);

    // Durable jobs (ADR 0023): claimed with FOR UPDATE SKIP LOCKED, so any number of instances share them.
    await q.query(`
      CREATE TABLE scheduled_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
        run_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        -- A recurring job names itself once: at most one pending row per key.
        singleton_key text UNIQUE,
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        done_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX scheduled_job_due_idx ON scheduled_job (run_at) WHERE done_at IS NULL`);

    const tables = [
      'meeting',
      'agenda_item',
      'agenda_invitee',
      'meeting_attendance',
      'meeting_confidentiality_ack',
      'meeting_event',
      'meeting_decision',
      'case_action',
      'minutes',
      'minutes_item_summary',
      'minutes_version',
      'notification',
      'mail_outbox',
      'scheduled_job',
    ];
    for (const table of tables) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    }
    await this.walls(q);
  }

  private async walls(q: QueryRunner): Promise<void> {
    // The acting organisation takes part in the meeting: a signatory of its table, or invited to an item.
    await q.query(`
      CREATE FUNCTION cst_meeting_visible(p_meeting uuid, p_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (
          SELECT 1 FROM meeting mt WHERE mt.id = p_meeting AND mt.table_id = ANY (p_tables)
            AND (EXISTS (SELECT 1 FROM table_membership m WHERE m.table_id = mt.table_id
                           AND m.organisation_id = ${ORG} AND m.status = 'SIGNATORY')
                 OR EXISTS (SELECT 1 FROM agenda_item a JOIN agenda_invitee i ON i.agenda_item_id = a.id
                            WHERE a.meeting_id = mt.id AND i.organisation_id = ${ORG})))
      $$`);
    // An agenda item exists for a signatory of the table, or for an organisation invited to it.
    await q.query(`
      CREATE FUNCTION cst_agenda_item_visible(p_item uuid, p_tables uuid[]) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (
          SELECT 1 FROM agenda_item a JOIN meeting mt ON mt.id = a.meeting_id
          WHERE a.id = p_item AND mt.table_id = ANY (p_tables)
            AND (EXISTS (SELECT 1 FROM table_membership m WHERE m.table_id = mt.table_id
                           AND m.organisation_id = ${ORG} AND m.status = 'SIGNATORY')
                 OR EXISTS (SELECT 1 FROM agenda_invitee i WHERE i.agenda_item_id = a.id AND i.organisation_id = ${ORG})))
      $$`);
    await q.query(`
      CREATE FUNCTION cst_meeting_table(p_meeting uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT table_id FROM meeting WHERE id = p_meeting
      $$`);
    // The acting user chairs or takes the minutes of the meeting.
    await q.query(`
      CREATE FUNCTION cst_meeting_officer(p_meeting uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM meeting WHERE id = p_meeting
                       AND ${USER} IN (chair_user_id, minute_taker_user_id))
      $$`);
    const helpers = [
      'cst_meeting_visible(uuid, uuid[])',
      'cst_agenda_item_visible(uuid, uuid[])',
      'cst_meeting_table(uuid)',
      'cst_meeting_officer(uuid)',
    ].join(', ');
    await q.query(`REVOKE ALL ON FUNCTION ${helpers} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${helpers} TO casustafel_app`);

    const policy = (table: string, name: string, definition: string) =>
      q.query(`CREATE POLICY ${name} ON ${table} ${definition}`);
    const MEETING_MANAGER = (column: string) =>
      `(cst_meeting_table(${column}) = ANY ${MANAGERS} OR cst_meeting_officer(${column}))`;

    await policy(
      'meeting',
      'meeting_visible',
      `FOR SELECT TO casustafel_app USING (cst_meeting_visible(id, ${CASE}))`,
    );
    await policy(
      'meeting',
      'meeting_plan',
      `FOR INSERT TO casustafel_app WITH CHECK (table_id = ANY ${MANAGERS})`,
    );
    await policy(
      'meeting',
      'meeting_run',
      `FOR UPDATE TO casustafel_app
        USING (table_id = ANY ${MANAGERS} OR ${USER} IN (chair_user_id, minute_taker_user_id))
        WITH CHECK (table_id = ANY ${CASE})`,
    );

    await policy(
      'agenda_item',
      'agenda_item_visible',
      `FOR SELECT TO casustafel_app USING (cst_agenda_item_visible(id, ${CASE}))`,
    );
    await policy(
      'agenda_item',
      'agenda_item_manage',
      `FOR ALL TO casustafel_app USING (${MEETING_MANAGER('meeting_id')}) WITH CHECK (${MEETING_MANAGER('meeting_id')})`,
    );
    await policy(
      'agenda_invitee',
      'agenda_invitee_visible',
      `FOR SELECT TO casustafel_app USING (cst_agenda_item_visible(agenda_item_id, ${CASE}))`,
    );
    await policy(
      'agenda_invitee',
      'agenda_invitee_manage',
      `FOR ALL TO casustafel_app
        USING (${MEETING_MANAGER('(SELECT a.meeting_id FROM agenda_item a WHERE a.id = agenda_item_id)')})
        WITH CHECK (${MEETING_MANAGER('(SELECT a.meeting_id FROM agenda_item a WHERE a.id = agenda_item_id)')})`,
    );

    await policy(
      'meeting_attendance',
      'meeting_attendance_visible',
      `FOR SELECT TO casustafel_app USING (cst_meeting_visible(meeting_id, ${CASE}))`,
    );
    // The chair keeps attendance; an organisation may send its own apology or information.
    await policy(
      'meeting_attendance',
      'meeting_attendance_write',
      `FOR ALL TO casustafel_app
        USING (cst_meeting_visible(meeting_id, ${CASE}) AND (organisation_id = ${ORG} OR ${MEETING_MANAGER('meeting_id')}))
        WITH CHECK (cst_meeting_visible(meeting_id, ${CASE}) AND (organisation_id = ${ORG} OR ${MEETING_MANAGER('meeting_id')}))`,
    );

    await policy(
      'meeting_confidentiality_ack',
      'meeting_confidentiality_ack_own',
      `FOR ALL TO casustafel_app USING (user_id = ${USER})
        WITH CHECK (user_id = ${USER} AND organisation_id = ${ORG} AND cst_meeting_visible(meeting_id, ${CASE}))`,
    );

    // Events carry codes and references; their content is projected per organisation in code.
    await policy(
      'meeting_event',
      'meeting_event_visible',
      `FOR SELECT TO casustafel_app USING (cst_meeting_visible(meeting_id, ${CASE}))`,
    );
    await policy(
      'meeting_event',
      'meeting_event_append',
      `FOR INSERT TO casustafel_app WITH CHECK (cst_meeting_visible(meeting_id, ${CASE}) OR ${SYSTEM})`,
    );

    await policy(
      'meeting_decision',
      'meeting_decision_case',
      `FOR SELECT TO casustafel_app USING (cst_case_visible(case_id, ${CASE}))`,
    );
    await policy(
      'meeting_decision',
      'meeting_decision_record',
      `FOR INSERT TO casustafel_app WITH CHECK (cst_case_visible(case_id, ${CASE}) AND ${MEETING_MANAGER('meeting_id')})`,
    );

    await policy(
      'case_action',
      'case_action_visible',
      `FOR SELECT TO casustafel_app USING (cst_case_visible(case_id, ${CASE}) OR owner_organisation_id = ${ORG} OR ${SYSTEM})`,
    );
    await policy(
      'case_action',
      'case_action_create',
      `FOR INSERT TO casustafel_app WITH CHECK (cst_case_visible(case_id, ${CASE}))`,
    );
    await policy(
      'case_action',
      'case_action_update',
      `FOR UPDATE TO casustafel_app
        USING (owner_organisation_id = ${ORG} OR cst_case_visible(case_id, ${MANAGERS})
               OR (meeting_id IS NOT NULL AND cst_meeting_officer(meeting_id)) OR ${SYSTEM})
        WITH CHECK (owner_organisation_id = ${ORG} OR cst_case_visible(case_id, ${CASE}) OR ${SYSTEM})`,
    );

    for (const table of ['minutes', 'minutes_item_summary', 'minutes_version']) {
      await policy(
        table,
        `${table}_visible`,
        `FOR SELECT TO casustafel_app USING (cst_meeting_visible(meeting_id, ${CASE}))`,
      );
    }
    await policy(
      'minutes',
      'minutes_write',
      `FOR ALL TO casustafel_app USING (${MEETING_MANAGER('meeting_id')}) WITH CHECK (${MEETING_MANAGER('meeting_id')})`,
    );
    await policy(
      'minutes_item_summary',
      'minutes_item_summary_write',
      `FOR ALL TO casustafel_app USING (${MEETING_MANAGER('meeting_id')}) WITH CHECK (${MEETING_MANAGER('meeting_id')})`,
    );
    await policy(
      'minutes_version',
      'minutes_version_establish',
      `FOR INSERT TO casustafel_app WITH CHECK (${MEETING_MANAGER('meeting_id')})`,
    );

    await policy(
      'notification',
      'notification_own',
      `FOR SELECT TO casustafel_app USING (user_id = ${USER})`,
    );
    await policy(
      'notification',
      'notification_read',
      `FOR UPDATE TO casustafel_app USING (user_id = ${USER}) WITH CHECK (user_id = ${USER})`,
    );
    // Anyone's action may notify another user (an action assigned to a partner); reading stays the user's.
    await policy(
      'notification',
      'notification_send',
      `FOR INSERT TO casustafel_app WITH CHECK (action_id IS NOT NULL OR meeting_id IS NOT NULL)`,
    );

    await policy(
      'mail_outbox',
      'mail_outbox_queue',
      `FOR INSERT TO casustafel_app WITH CHECK (sent_at IS NULL AND attempts = 0)`,
    );
    await policy(
      'mail_outbox',
      'mail_outbox_system',
      `FOR ALL TO casustafel_app USING (${SYSTEM}) WITH CHECK (${SYSTEM})`,
    );
    await policy(
      'scheduled_job',
      'scheduled_job_queue',
      `FOR INSERT TO casustafel_app WITH CHECK (done_at IS NULL AND attempts = 0)`,
    );
    await policy(
      'scheduled_job',
      'scheduled_job_system',
      `FOR ALL TO casustafel_app USING (${SYSTEM}) WITH CHECK (${SYSTEM})`,
    );

    await q.query(`GRANT SELECT, INSERT, UPDATE ON meeting, meeting_attendance, case_action, minutes, minutes_item_summary,
      notification, mail_outbox, scheduled_job TO casustafel_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON agenda_item, agenda_invitee TO casustafel_app`);
    await q.query(`GRANT SELECT, INSERT ON meeting_confidentiality_ack, meeting_event, meeting_decision, minutes_version
      TO casustafel_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cst_meeting_visible(uuid, uuid[]), cst_agenda_item_visible(uuid, uuid[]),
      cst_meeting_table(uuid), cst_meeting_officer(uuid) CASCADE`);
    await q.query(`ALTER TABLE case_item DROP COLUMN agenda_item_id, DROP COLUMN meeting_id`);
    for (const table of [
      'scheduled_job',
      'mail_outbox',
      'notification',
      'minutes_version',
      'minutes_item_summary',
      'minutes',
      'case_action',
      'meeting_decision',
      'meeting_event',
      'meeting_confidentiality_ack',
      'meeting_attendance',
      'agenda_invitee',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE meeting DROP CONSTRAINT meeting_current_item_fk`);
    await q.query(`DROP TABLE agenda_item`);
    await q.query(`DROP TABLE meeting`);
  }
}
