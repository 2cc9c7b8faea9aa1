import { queryRows } from '@casustafel/api/database';
import { Actor, NotFoundError } from '@casustafel/api/platform';
import type { MeetingRole, MeetingStatus, MeetingType, PartnerType } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

export const PLANNER_ROLES = ['PROCESREGISSEUR', 'VOORZITTER'] as const;

export interface MeetingRow {
  id: string;
  table_id: string;
  table_name: string;
  processing_activity_id: string;
  embargo_partner_types: PartnerType[];
  type: MeetingType;
  scheduled_at: Date;
  duration_minutes: number;
  location: string | null;
  online_link: string | null;
  chair_user_id: string;
  minute_taker_user_id: string | null;
  status: MeetingStatus;
  current_agenda_item_id: string | null;
  timer_running: boolean;
  timer_started_at: Date | null;
  timer_elapsed_seconds: number;
  last_seq: string;
  created_at: Date;
  version: number;
}

/** How the acting user and their organisation relate to one meeting. */
export interface MeetingRelation {
  /** The organisation signed the table's covenant: it sees the whole agenda (restricted where it does not take part). */
  signatory: boolean;
  /** Not a signatory, invited to some items only. */
  guest: boolean;
  /** The items a guest organisation is invited to. */
  guestItemIds: string[];
  chair: boolean;
  minuteTaker: boolean;
  /** Procesregisseur or voorzitter at the table (plans its meetings). */
  planner: boolean;
  role: MeetingRole;
}

export interface LoadedMeeting {
  row: MeetingRow;
  relation: MeetingRelation;
}

/**
 * The meeting if the actor's organisation takes part in it (row-level security: a signatory of the
 * table or invited to an item); otherwise "not found". With `lock` the row is locked for the rest
 * of the transaction (the event log's sequence, idempotency checks: ADR 0023).
 */
export async function loadMeeting(
  em: EntityManager,
  actor: Actor,
  meetingId: string,
  lock = false,
): Promise<LoadedMeeting> {
  if (lock) {
    const locked = await queryRows(em, 'select id from meeting where id = $1 for update', [meetingId]);
    if (locked.length === 0) {
      throw new NotFoundError('No such meeting.');
    }
  }
  const rows = await queryRows<MeetingRow>(
    em,
    `select m.id, m.table_id, t.name as table_name, t.processing_activity_id, t.embargo_partner_types, m.type,
            m.scheduled_at, m.duration_minutes, m.location, m.online_link, m.chair_user_id, m.minute_taker_user_id,
            m.status, m.current_agenda_item_id, m.timer_running, m.timer_started_at, m.timer_elapsed_seconds,
            m.last_seq, m.created_at, m.version
       from meeting m join case_table t on t.id = m.table_id where m.id = $1`,
    [meetingId],
  );
  const row = rows[0];
  if (!row) {
    throw new NotFoundError('No such meeting.');
  }
  return { row, relation: await relationTo(em, actor, row) };
}

export async function relationTo(em: EntityManager, actor: Actor, row: MeetingRow): Promise<MeetingRelation> {
  const facts = await queryRows<{ signatory: boolean; guest_items: string[] }>(
    em,
    `select exists (select 1 from table_membership m where m.table_id = $1 and m.organisation_id = $2
                      and m.status = 'SIGNATORY' and m.since <= current_date
                      and (m.until is null or m.until >= current_date)) as signatory,
            coalesce((select array_agg(a.id order by a.position) from agenda_item a
                      join agenda_invitee i on i.agenda_item_id = a.id
                      where a.meeting_id = $3 and i.organisation_id = $2), '{}') as guest_items`,
    [row.table_id, actor.organisationId, row.id],
  );
  const signatory = facts[0]?.signatory === true;
  const chair = row.chair_user_id === actor.userId;
  const minuteTaker = row.minute_taker_user_id === actor.userId;
  const planner =
    actor.permissions.has('meetings.plan') &&
    actor.tableRoles.some(
      (r) => r.tableId === row.table_id && (PLANNER_ROLES as readonly string[]).includes(r.role),
    );
  const guest = !signatory;
  const role: MeetingRole = chair ? 'CHAIR' : minuteTaker ? 'MINUTE_TAKER' : guest ? 'GUEST' : 'MEMBER';
  return {
    signatory,
    guest,
    guestItemIds: guest ? (facts[0]?.guest_items ?? []) : [],
    chair,
    minuteTaker,
    planner,
    role,
  };
}

/** Planning (agenda, details, sending the agenda): a planner of the table or the meeting's chair. */
export function mayPlan(relation: MeetingRelation): boolean {
  return relation.planner || relation.chair;
}
