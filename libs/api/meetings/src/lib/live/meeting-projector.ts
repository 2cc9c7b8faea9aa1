import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, RequestContext } from '@casustafel/api/platform';
import type {
  AttendanceDto,
  AttendanceStatus,
  DataCategory,
  DecisionDto,
  DecisionType,
  LiveEventDto,
  LiveNoteDto,
  MeetingStatus,
  OrganisationRef,
  Sensitivity,
  TimerDto,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { readAgenda } from '../agenda/agenda-read';
import type { StoredMeetingEvent } from '../events/meeting-events';
import { loadMeeting, type LoadedMeeting } from '../meetings/meeting-access';
import { mayBeInRoomNow } from '../meetings/meeting-detail';
import { ACTION_FROM, actionColumns, actionVisible, toActionDto, type ActionRow } from './action-dto';

export interface AudienceMember {
  organisationId: string;
  /** Not a signatory of the table: in the room only while one of `guestItemIds` is current. */
  guest: boolean;
  guestItemIds: string[];
}

interface NoteRow {
  id: string;
  agenda_item_id: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  body: string;
  created_at: Date;
  author: OrganisationRef;
  access: string;
}

interface DecisionRow {
  id: string;
  agenda_item_id: string;
  case_id: string;
  type: DecisionType;
  text: string;
  decided_at: Date;
  access: string;
}

/**
 * The live room's projection per organisation (ADR 0023, DESIGN-NOTES §4): a stored event becomes,
 * for one organisation, what the one access policy lets it see of it — or nothing. It runs in a
 * transaction whose security context is a user of that organisation who is in the room, so
 * row-level security backs the push as it backs REST; the policy is `cst_org_access` (the
 * organisation's answer, without that user's break-glass openings).
 */
@Injectable()
export class MeetingProjector {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly audit: AuditWriter,
  ) {}

  /** The organisations taking part in the meeting (read as the system: codes and ids only). */
  audience(meetingId: string): Promise<AudienceMember[]> {
    return this.context.run(() =>
      this.tx.run(async (em) =>
        (
          await queryRows<{ organisation_id: string; guest: boolean; guest_item_ids: string[] }>(
            em,
            'select organisation_id, guest, guest_item_ids from cst_meeting_audience($1)',
            [meetingId],
          )
        ).map((r) => ({ organisationId: r.organisation_id, guest: r.guest, guestItemIds: r.guest_item_ids })),
      ),
    );
  }

  /**
   * The events as `organisationId` sees them, computed once for the organisation under the
   * security context of `actorContextForRls` (one of its users in the room).
   */
  async project(
    events: readonly StoredMeetingEvent[],
    organisationId: string,
    actorContextForRls: Actor,
    recipients: readonly PushRecipient[] = [],
  ): Promise<LiveEventDto[]> {
    if (actorContextForRls.organisationId !== organisationId) {
      throw new Error('MeetingProjector.project: the security context must be a user of the organisation');
    }
    if (events.length === 0) {
      return [];
    }
    return this.asActor(actorContextForRls, async (em) => {
      const byMeeting = new Map<string, StoredMeetingEvent[]>();
      for (const event of events) {
        byMeeting.set(event.meetingId, [...(byMeeting.get(event.meetingId) ?? []), event]);
      }
      const projected: LiveEventDto[] = [];
      for (const [meetingId, list] of byMeeting) {
        let meeting: LoadedMeeting;
        try {
          meeting = await loadMeeting(em, actorContextForRls, meetingId);
        } catch {
          continue;
        }
        const mine = await this.projectIn(em, meeting, list, organisationId);
        await this.auditPush(em, meeting, mine, recipients);
        projected.push(...mine);
      }
      return projected;
    });
  }

  /**
   * A push is a read: every user it reaches gets an audit record (NEN 7513: who saw which case's
   * data, when), written in the projection's transaction — for the events that carry case content.
   */
  private async auditPush(
    em: EntityManager,
    meeting: LoadedMeeting,
    events: readonly LiveEventDto[],
    recipients: readonly PushRecipient[],
  ): Promise<void> {
    const content = events.filter((e) => contentItemOf(e) !== undefined);
    if (content.length === 0 || recipients.length === 0) {
      return;
    }
    const cases = await casesOfAgendaItems(
      em,
      content.map((e) => contentItemOf(e) as string),
    );
    const users = [...new Map(recipients.map((r) => [r.userId, r])).values()];
    await this.audit.record(
      em,
      ...users.map((user) => ({
        action: 'meeting.push',
        objectType: 'meeting',
        objectId: meeting.row.id,
        subjects: { cases },
        authorisationRule: meeting.relation.guest ? 'MEETING:GUEST' : 'MEETING:MEMBER',
        processingActivityId: meeting.row.processing_activity_id,
        details: { meetingId: meeting.row.id, seqs: content.map((e) => String(e.seq)) },
        actor: { userId: user.userId, organisationId: user.organisationId, sessionId: user.sessionId },
      })),
    );
  }

  /** May this user be in the room now (their organisation takes part; a guest only while its item is current)? */
  mayBeInRoom(actor: Actor, meetingId: string): Promise<boolean> {
    return this.asActor(actor, async (em) => {
      try {
        const { row, relation } = await loadMeeting(em, actor, meetingId);
        return mayBeInRoomNow(row, relation);
      } catch {
        return false;
      }
    });
  }

  /** The projection inside an open transaction (resync: the caller's own context and audit). */
  async projectIn(
    em: EntityManager,
    meeting: LoadedMeeting,
    events: readonly StoredMeetingEvent[],
    organisationId: string,
  ): Promise<LiveEventDto[]> {
    const { relation } = meeting;
    const own = (itemId: string | null) =>
      !relation.guest || (itemId !== null && relation.guestItemIds.includes(itemId));
    const refs = (...types: string[]) =>
      events.filter((e) => types.includes(e.type) && e.refId !== null).map((e) => e.refId as string);
    const notes = new Map((await this.notes(em, { ids: refs('NOTE_ADDED') })).map((n) => [n.id, n]));
    const decisions = new Map(
      (await this.decisions(em, { ids: refs('DECISION_RECORDED') })).map((d) => [d.id, d]),
    );
    const actions = new Map(
      (await this.actionRows(em, { ids: refs('ACTION_CREATED', 'ACTION_CHANGED') })).map((a) => [a.id, a]),
    );
    const needsAgenda = events.some((e) => e.type === 'AGENDA_CHANGED');
    const agenda = needsAgenda
      ? (
          await readAgenda(
            em,
            meeting.row,
            relation,
            { organisationId, today: this.clock.today() },
            'cst_org_access',
          )
        ).items
      : [];
    const attendance = events.some((e) => e.type === 'ATTENDANCE_CHANGED')
      ? await this.attendanceOrganisations(em, meeting.row.id)
      : new Map<string, { organisation: OrganisationRef; guest: boolean; note: string | null }>();
    const mayCancel = relation.planner || relation.chair;
    const today = this.clock.today();

    const out: LiveEventDto[] = [];
    for (const event of events) {
      const base = {
        meetingId: event.meetingId,
        seq: event.seq,
        at: new Date(event.occurredAt).toISOString(),
      };
      const data = event.data;
      switch (event.type) {
        case 'STATUS_CHANGED':
          out.push({ ...base, type: 'STATUS_CHANGED', status: data['status'] as MeetingStatus });
          break;
        case 'CURRENT_ITEM_CHANGED': {
          // A guest learns only whether one of its own items is current, not which other one is.
          const itemId = (data['agendaItemId'] as string | null) ?? null;
          out.push({ ...base, type: 'CURRENT_ITEM_CHANGED', agendaItemId: own(itemId) ? itemId : null });
          break;
        }
        case 'TIMER_CHANGED':
          if (own(event.agendaItemId)) {
            out.push({ ...base, type: 'TIMER_CHANGED', timer: data['timer'] as TimerDto });
          }
          break;
        case 'ATTENDANCE_CHANGED': {
          const org = attendance.get(event.refId ?? '');
          if (org && (!relation.guest || event.refId === organisationId)) {
            const dto: AttendanceDto = {
              organisation: org.organisation,
              status: data['status'] as AttendanceStatus,
              guest: org.guest,
              note: org.note,
            };
            out.push({ ...base, type: 'ATTENDANCE_CHANGED', attendance: dto });
          }
          break;
        }
        case 'NOTE_ADDED': {
          const note = notes.get(event.refId ?? '');
          if (note && own(note.agenda_item_id) && note.access !== 'NONE') {
            out.push({ ...base, type: 'NOTE_ADDED', note: toNoteDto(note) });
          }
          break;
        }
        case 'DECISION_RECORDED': {
          const decision = decisions.get(event.refId ?? '');
          if (decision && own(decision.agenda_item_id) && decision.access.startsWith('FULL')) {
            out.push({ ...base, type: 'DECISION_RECORDED', decision: toDecisionDto(decision) });
          }
          break;
        }
        case 'ACTION_CREATED':
        case 'ACTION_CHANGED': {
          const action = actions.get(event.refId ?? '');
          if (action && own(action.agenda_item_id) && actionVisible(action)) {
            out.push({
              ...base,
              type: event.type,
              action: toActionDto(action, { organisationId, today, mayCancel }),
            });
          }
          break;
        }
        case 'AGENDA_CHANGED':
          out.push({ ...base, type: 'AGENDA_CHANGED', agenda });
          break;
      }
    }
    return out;
  }

  /** Live notes (case items written in the meeting) the organisation may see, with their visibility. */
  async notes(em: EntityManager, where: { ids?: string[]; meetingId?: string }): Promise<NoteRow[]> {
    if (where.ids && where.ids.length === 0) {
      return [];
    }
    return queryRows<NoteRow>(
      em,
      `select i.id, i.agenda_item_id, i.category, i.sensitivity, i.body, i.created_at,
              jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type) as author,
              cst_org_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from case_item i join organisation o on o.id = i.author_organisation_id
        where i.agenda_item_id is not null and ${where.ids ? 'i.id = any($1)' : 'i.meeting_id = $1'}
        order by i.created_at`,
      [where.ids ?? where.meetingId],
    );
  }

  async decisions(em: EntityManager, where: { ids?: string[]; meetingId?: string }): Promise<DecisionRow[]> {
    if (where.ids && where.ids.length === 0) {
      return [];
    }
    return queryRows<DecisionRow>(
      em,
      `select d.id, d.agenda_item_id, d.case_id, d.type, d.text, d.decided_at,
              cst_org_access(d.case_id, 'C3', 'NORMAAL', array[d.author_organisation_id], null) as access
         from meeting_decision d where ${where.ids ? 'd.id = any($1)' : 'd.meeting_id = $1'}
        order by d.decided_at`,
      [where.ids ?? where.meetingId],
    );
  }

  async actionRows(em: EntityManager, where: { ids?: string[]; meetingId?: string }): Promise<ActionRow[]> {
    if (where.ids && where.ids.length === 0) {
      return [];
    }
    return queryRows<ActionRow>(
      em,
      `select ${actionColumns('cst_org_access')} from ${ACTION_FROM}
        where ${where.ids ? 'a.id = any($1)' : 'a.meeting_id = $1'} order by a.created_at`,
      [where.ids ?? where.meetingId],
    );
  }

  private async attendanceOrganisations(
    em: EntityManager,
    meetingId: string,
  ): Promise<Map<string, { organisation: OrganisationRef; guest: boolean; note: string | null }>> {
    const rows = await queryRows<{
      id: string;
      name: string;
      partner_type: OrganisationRef['partnerType'];
      guest: boolean;
      note: string | null;
    }>(
      em,
      `select o.id, o.name, o.partner_type, x.guest, t.note
         from cst_meeting_audience($1) x join organisation o on o.id = x.organisation_id
         left join meeting_attendance t on t.meeting_id = $1 and t.organisation_id = o.id`,
      [meetingId],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          organisation: { id: r.id, name: r.name, partnerType: r.partner_type },
          guest: r.guest,
          note: r.note,
        },
      ]),
    );
  }

  /** Runs work in a fresh transaction whose security context is `actor` (not the caller's). */
  private asActor<T>(actor: Actor, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.context.run(() => this.tx.run(work), {
      actor,
      origin: this.context.origin,
      trace: this.context.trace,
    });
  }
}

export function toNoteDto(row: NoteRow): LiveNoteDto {
  const full = row.access.startsWith('FULL');
  return {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    category: row.category,
    sensitivity: row.sensitivity,
    visibility: full ? 'FULL' : 'SUMMARY',
    text: full ? row.body : null,
    authorOrganisation: row.author,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toDecisionDto(row: DecisionRow): DecisionDto {
  return {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    caseId: row.case_id,
    type: row.type,
    text: row.text,
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}

/** A user a push reaches (one of the sockets in the organisation's room). */
export interface PushRecipient {
  userId: string;
  organisationId: string;
  sessionId: string;
}

/** The agenda item whose case an event's content belongs to, for events that carry case content. */
export function contentItemOf(event: LiveEventDto): string | undefined {
  switch (event.type) {
    case 'NOTE_ADDED':
      return event.note.agendaItemId;
    case 'DECISION_RECORDED':
      return event.decision.agendaItemId;
    case 'ACTION_CREATED':
    case 'ACTION_CHANGED':
      return event.action.agendaItemId ?? undefined;
    default:
      return undefined;
  }
}

/** The cases of agenda items (the data subjects of an audit record about them). */
export async function casesOfAgendaItems(em: EntityManager, itemIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(itemIds.filter((id) => id !== ''))];
  if (ids.length === 0) {
    return [];
  }
  const rows = await queryRows<{ case_id: string }>(
    em,
    'select distinct case_id from agenda_item where id = any($1)',
    [ids],
  );
  return rows.map((r) => r.case_id);
}
