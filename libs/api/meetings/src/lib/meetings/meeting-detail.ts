import { queryRows } from '@casustafel/api/database';
import type {
  AttendanceDto,
  AttendanceStatus,
  MeetingDetailDto,
  MeetingStatus,
  MeetingTransition,
  OrganisationRef,
  UserRef,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { readAgenda, type AccessFunction } from '../agenda/agenda-read';
import { mayPlan, type MeetingRelation, type MeetingRow } from './meeting-access';

export const ROOM_STATUSES: readonly MeetingStatus[] = ['AGENDA_VERZONDEN', 'LIVE'];
export const PLANNING_STATUSES: readonly MeetingStatus[] = ['GEPLAND', 'AGENDA_VERZONDEN'];

/** The transitions the relation allows now (the order of b.2; minutes transitions: the minutes' own endpoints). */
export function allowedTransitions(status: MeetingStatus, relation: MeetingRelation): MeetingTransition[] {
  const allowed: MeetingTransition[] = [];
  if (status === 'GEPLAND' && mayPlan(relation)) {
    allowed.push('AGENDA_VERZENDEN');
  }
  if (status === 'AGENDA_VERZONDEN' && relation.chair) {
    allowed.push('STARTEN');
  }
  if (status === 'LIVE' && relation.chair) {
    allowed.push('BEEINDIGEN');
  }
  if (status === 'AFGEROND' && (relation.chair || relation.minuteTaker)) {
    allowed.push('VERSLAG_OPSTELLEN');
  }
  if (status === 'VERSLAG_CONCEPT' && relation.chair) {
    allowed.push('VERSLAG_VASTSTELLEN');
  }
  return allowed;
}

/** A guest organisation is in the room only while one of its items is current. */
export function mayBeInRoomNow(row: MeetingRow, relation: MeetingRelation): boolean {
  if (!ROOM_STATUSES.includes(row.status)) {
    return false;
  }
  return (
    !relation.guest ||
    (row.current_agenda_item_id !== null && relation.guestItemIds.includes(row.current_agenda_item_id))
  );
}

export async function userRefs(em: EntityManager, ids: Array<string | null>): Promise<Map<string, UserRef>> {
  const wanted = ids.filter((id): id is string => id !== null);
  const rows = await queryRows<{ id: string; display_name: string; organisation_id: string }>(
    em,
    'select id, display_name, organisation_id from app_user where id = any($1)',
    [wanted],
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, organisationId: r.organisation_id }]),
  );
}

/** The organisations taking part (signatories; invited guests), with their attendance. */
export async function readAttendance(
  em: EntityManager,
  meetingId: string,
  relation: MeetingRelation,
  organisationId: string,
): Promise<AttendanceDto[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    partner_type: OrganisationRef['partnerType'];
    guest: boolean;
    status: AttendanceStatus | null;
    note: string | null;
  }>(
    em,
    `select o.id, o.name, o.partner_type, x.guest, t.status, t.note
       from cst_meeting_audience($1) x join organisation o on o.id = x.organisation_id
       left join meeting_attendance t on t.meeting_id = $1 and t.organisation_id = x.organisation_id
      order by x.guest, o.name`,
    [meetingId],
  );
  return rows
    .filter((r) => !relation.guest || r.id === organisationId)
    .map((r) => ({
      organisation: { id: r.id, name: r.name, partnerType: r.partner_type },
      status: r.status ?? 'ABSENT',
      guest: r.guest,
      note: r.note,
    }));
}

/** The meeting as the reader's organisation sees it, with what the acting user may do now. */
export async function meetingDetail(
  em: EntityManager,
  row: MeetingRow,
  relation: MeetingRelation,
  reader: { organisationId: string; today: string },
  accessFunction: AccessFunction,
): Promise<{ detail: MeetingDetailDto; caseIds: string[] }> {
  const users = await userRefs(em, [row.chair_user_id, row.minute_taker_user_id]);
  const agenda = await readAgenda(em, row, relation, reader, accessFunction);
  const attendance = await readAttendance(em, row.id, relation, reader.organisationId);
  const officer = relation.chair || relation.minuteTaker;
  return {
    detail: {
      id: row.id,
      tableId: row.table_id,
      tableName: row.table_name,
      type: row.type,
      scheduledAt: new Date(row.scheduled_at).toISOString(),
      durationMinutes: row.duration_minutes,
      location: row.location,
      onlineLink: row.online_link,
      chair: users.get(row.chair_user_id) as UserRef,
      minuteTaker: row.minute_taker_user_id ? (users.get(row.minute_taker_user_id) ?? null) : null,
      status: row.status,
      itemCount: agenda.items.length,
      myRole: relation.role,
      version: row.version,
      agenda: agenda.items,
      attendance,
      can: {
        edit: mayPlan(relation) && PLANNING_STATUSES.includes(row.status),
        transition: allowedTransitions(row.status, relation),
        join: mayBeInRoomNow(row, relation),
        chair: relation.chair,
        editMinutes: officer && (row.status === 'AFGEROND' || row.status === 'VERSLAG_CONCEPT'),
      },
    },
    caseIds: agenda.caseIds,
  };
}
