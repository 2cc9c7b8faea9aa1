import { queryRows } from '@casustafel/api/database';
import type { AgendaItemDto, OrganisationRef, ParticipationBasis } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { ACTION_FROM, actionColumns, actionVisible, toActionDto, type ActionRow } from '../live/action-dto';
import type { MeetingRelation, MeetingRow } from '../meetings/meeting-access';

export type AccessFunction = 'cst_access' | 'cst_org_access';

interface ItemRow {
  id: string;
  position: number;
  timebox_minutes: number;
  case_id: string;
  case_number: string | null;
}

/** The agenda with the case ids behind it (for auditing whose data a read touched). */
export interface ProjectedAgenda {
  items: AgendaItemDto[];
  /** Cases of the items this organisation may know of (not restricted). */
  caseIds: string[];
}

/**
 * The agenda as the context organisation sees it (row-level security decides what exists): a
 * signatory sees every item, restricted (no case) where its organisation does not take part in the
 * case; a guest sees only the items it is invited to. Carried actions are the open actions of the
 * item's case from before this meeting, each only if the policy gives the organisation FULL.
 */
export async function readAgenda(
  em: EntityManager,
  meeting: MeetingRow,
  relation: MeetingRelation,
  reader: { organisationId: string; today: string },
  accessFunction: AccessFunction,
): Promise<ProjectedAgenda> {
  const rows = await queryRows<ItemRow>(
    em,
    `select a.id, a.position, a.timebox_minutes, a.case_id, c.number as case_number
       from agenda_item a left join casus c on c.id = a.case_id and c.state <> 'VERNIETIGD'
      where a.meeting_id = $1 order by a.position`,
    [meeting.id],
  );
  const items = relation.guest ? rows.filter((r) => relation.guestItemIds.includes(r.id)) : rows;
  if (items.length === 0) {
    return { items: [], caseIds: [] };
  }
  const invitees = await queryRows<{
    agenda_item_id: string;
    id: string;
    name: string;
    partner_type: OrganisationRef['partnerType'];
    basis: ParticipationBasis;
  }>(
    em,
    `select i.agenda_item_id, o.id, o.name, o.partner_type, i.basis
       from agenda_invitee i join organisation o on o.id = i.organisation_id
      where i.agenda_item_id = any($1) order by o.name`,
    [items.map((i) => i.id)],
  );
  const visibleCases = items.filter((i) => i.case_number !== null).map((i) => i.case_id);
  const carried =
    visibleCases.length === 0
      ? []
      : (
          await queryRows<ActionRow>(
            em,
            `select ${actionColumns(accessFunction)} from ${ACTION_FROM}
              where a.case_id = any($1) and a.status in ('OPEN', 'IN_UITVOERING')
                and a.created_at < $2 and (a.meeting_id is null or a.meeting_id <> $3)
              order by a.due_date, a.created_at`,
            [visibleCases, meeting.scheduled_at, meeting.id],
          )
        ).filter(actionVisible);
  const mayCancel = relation.planner || relation.chair;
  return {
    items: items.map((item) => {
      const restricted = item.case_number === null;
      return {
        id: item.id,
        order: item.position + 1,
        timeboxMinutes: item.timebox_minutes,
        restricted,
        caseId: restricted ? null : item.case_id,
        caseNumber: restricted ? null : item.case_number,
        invited: invitees
          .filter((v) => v.agenda_item_id === item.id)
          .map((v) => ({ id: v.id, name: v.name, partnerType: v.partner_type, basis: v.basis })),
        carriedActions: restricted
          ? []
          : carried
              .filter((a) => a.case_id === item.case_id)
              .map((a) =>
                toActionDto(a, { organisationId: reader.organisationId, today: reader.today, mayCancel }),
              ),
      };
    }),
    caseIds: visibleCases,
  };
}
