import type { Client } from 'pg';
import type { TestAgent } from '@casustafel/api/testing';
import type {
  ActionStatus,
  AttendanceStatus,
  CaseTableDto,
  DataCategory,
  DecisionType,
  MeetingStatus,
  RegistrationDto,
  Sensitivity,
} from '@casustafel/shared/contracts';

/**
 * Case-conference rows for tests, written as the schema owner (setup only; the code under test
 * reads and changes them through the API as the app role).
 */
export class ConferenceFactory {
  constructor(private readonly sql: Client) {}

  /** A case through the API as production makes one: registration, triage, ZVH_TABLE. */
  static async caseVia(
    registrant: TestAgent,
    triagist: TestAgent,
    tableId: string,
    proposed: string[],
  ): Promise<string> {
    const tables = await registrant.get<CaseTableDto[]>('/api/tables');
    const table = tables.body.find((t) => t.id === tableId) as CaseTableDto;
    const registration = await registrant.post<RegistrationDto>('/api/registrations', {
      tableId,
      reason: 'Signalen van uitbuiting (fictief).',
      goal: 'Veiligheid organiseren.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg en veiligheid.',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: [{ givenName: 'Noor', familyName: 'Fictief', dateOfBirth: '2001-02-03', role: 'SLACHTOFFER' }],
      proposedParticipants: proposed.map((organisationId) => ({ organisationId })),
      submit: true,
    });
    if (registration.status !== 201) {
      throw new Error(`registration failed: ${registration.status} ${registration.text}`);
    }
    const started = await triagist.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/start`,
    );
    const decided = await triagist.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/decision`,
      { outcome: 'ZVH_TABLE', advice: '', version: started.body.version },
    );
    const caseId = decided.body.triage?.caseId;
    if (!caseId) {
      throw new Error(`triage failed: ${decided.status} ${decided.text}`);
    }
    return caseId;
  }

  async meeting(spec: {
    tableId: string;
    chairUserId: string;
    minuteTakerUserId?: string | null;
    status?: MeetingStatus;
  }): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into meeting (table_id, type, scheduled_at, duration_minutes, chair_user_id, minute_taker_user_id, status,
         created_by, created_at, updated_at)
       values ($1, 'CASUSOVERLEG', now(), 90, $2, $3, $4, $2, now(), now()) returning id`,
      [spec.tableId, spec.chairUserId, spec.minuteTakerUserId ?? null, spec.status ?? 'AFGEROND'],
    );
    return rows[0].id;
  }

  async agendaItem(
    meetingId: string,
    caseId: string,
    position: number,
    invited: string[] = [],
  ): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into agenda_item (meeting_id, case_id, position, timebox_minutes, created_at)
       values ($1, $2, $3, 15, now()) returning id`,
      [meetingId, caseId, position],
    );
    for (const organisationId of invited) {
      await this.sql.query(
        `insert into agenda_invitee (agenda_item_id, organisation_id, basis) values ($1, $2, 'MEMBER')`,
        [rows[0].id, organisationId],
      );
    }
    return rows[0].id;
  }

  async attendance(
    meetingId: string,
    organisationId: string,
    status: AttendanceStatus,
    by: string,
  ): Promise<void> {
    await this.sql.query(
      `insert into meeting_attendance (meeting_id, organisation_id, status, updated_by, updated_at)
       values ($1, $2, $3, $4, now())`,
      [meetingId, organisationId, status, by],
    );
  }

  /** A live note: a case item written in the meeting, at the agenda item. */
  async note(spec: {
    caseId: string;
    meetingId: string;
    agendaItemId: string;
    category: DataCategory;
    sensitivity: Sensitivity;
    body: string;
    organisationId: string;
    userId: string;
  }): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into case_item (case_id, category, sensitivity, title, body, author_organisation_id, author_id,
         created_at, updated_at, meeting_id, agenda_item_id)
       values ($1, $2, $3, 'Notitie casusoverleg', $4, $5, $6, now(), now(), $7, $8) returning id`,
      [
        spec.caseId,
        spec.category,
        spec.sensitivity,
        spec.body,
        spec.organisationId,
        spec.userId,
        spec.meetingId,
        spec.agendaItemId,
      ],
    );
    return rows[0].id;
  }

  async decision(spec: {
    meetingId: string;
    agendaItemId: string;
    caseId: string;
    type?: DecisionType;
    text: string;
    organisationId: string;
    userId: string;
  }): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into meeting_decision (meeting_id, agenda_item_id, case_id, type, text, author_organisation_id, decided_by,
         decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, now()) returning id`,
      [
        spec.meetingId,
        spec.agendaItemId,
        spec.caseId,
        spec.type ?? 'PLAN_VASTGESTELD',
        spec.text,
        spec.organisationId,
        spec.userId,
      ],
    );
    return rows[0].id;
  }

  async action(spec: {
    caseId: string;
    meetingId?: string | null;
    agendaItemId?: string | null;
    description: string;
    authorOrganisationId: string;
    ownerOrganisationId: string;
    ownerUserId?: string | null;
    dueDate: string;
    createdBy: string;
    status?: ActionStatus;
  }): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `insert into case_action (case_id, meeting_id, agenda_item_id, description, author_organisation_id,
         owner_organisation_id, owner_user_id, due_date, status, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), now()) returning id`,
      [
        spec.caseId,
        spec.meetingId ?? null,
        spec.agendaItemId ?? null,
        spec.description,
        spec.authorOrganisationId,
        spec.ownerOrganisationId,
        spec.ownerUserId ?? null,
        spec.dueDate,
        spec.status ?? 'OPEN',
        spec.createdBy,
      ],
    );
    return rows[0].id;
  }

  async caseNumber(caseId: string): Promise<string> {
    const { rows } = await this.sql.query<{ number: string }>('select number from casus where id = $1', [
      caseId,
    ]);
    return rows[0].number;
  }
}

/** A calendar date `days` after `today` (YYYY-MM-DD). */
export function addDays(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
