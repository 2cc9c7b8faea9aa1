import type { Actor } from '@casustafel/api/platform';
import type {
  ActionDto,
  ActionNotDoneReason,
  ActionStatus,
  PartnerType,
} from '@casustafel/shared/contracts';

/** Statuses an action cannot leave. */
export const FINAL_ACTION_STATUSES: readonly ActionStatus[] = ['AFGEROND', 'NIET_UITGEVOERD', 'VERVALLEN'];

/**
 * An action is guarded as C3 (plan & acties), NORMAAL, owned by its author and owner organisations
 * (ADR 0023): an organisation sees it only where the one access policy (`cst_access`) answers FULL.
 */
export const ACTION_ACCESS = `cst_access(a.case_id, 'C3', 'NORMAAL', array[a.author_organisation_id, a.owner_organisation_id], null)`;

/** The columns `toActionDto` reads; `from case_action a` joined as below. */
export const ACTION_COLUMNS = `a.id, a.case_id, c.number as case_number, c.table_id, a.meeting_id, a.agenda_item_id,
  a.description, a.owner_organisation_id, o.name as owner_organisation_name, o.partner_type as owner_partner_type,
  a.owner_user_id, u.display_name as owner_user_name, u.organisation_id as owner_user_organisation_id,
  to_char(a.due_date, 'YYYY-MM-DD') as due_date, a.status, a.not_done_reason, a.status_note, a.version,
  a.author_organisation_id, m.chair_user_id`;

export const ACTION_FROM = `case_action a
  join casus c on c.id = a.case_id
  join organisation o on o.id = a.owner_organisation_id
  left join app_user u on u.id = a.owner_user_id
  left join meeting m on m.id = a.meeting_id`;

export interface ActionRow {
  id: string;
  case_id: string;
  case_number: string;
  table_id: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  description: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  owner_partner_type: PartnerType;
  owner_user_id: string | null;
  owner_user_name: string | null;
  owner_user_organisation_id: string | null;
  due_date: string;
  status: ActionStatus;
  not_done_reason: ActionNotDoneReason | null;
  status_note: string | null;
  version: number;
  author_organisation_id: string;
  chair_user_id: string | null;
}

/** Who may set this status: the owner organisation works on it; the chair or planners cancel it. */
export function actionPermissions(actor: Actor, row: ActionRow): ActionDto['can'] {
  const open = !FINAL_ACTION_STATUSES.includes(row.status);
  const owner = row.owner_organisation_id === actor.organisationId && actor.permissions.has('actions.work');
  return { changeStatus: open && owner, cancel: open && mayCancel(actor, row) };
}

/** VERVALLEN: the meeting's chair, or a procesregisseur / voorzitter of the table. */
export function mayCancel(actor: Actor, row: Pick<ActionRow, 'chair_user_id' | 'table_id'>): boolean {
  return (
    (row.chair_user_id !== null && row.chair_user_id === actor.userId) ||
    actor.tableRoles.some(
      (r) => r.tableId === row.table_id && (r.role === 'PROCESREGISSEUR' || r.role === 'VOORZITTER'),
    )
  );
}

/** Overdue is derived: an action still to do whose due date (a Dutch calendar day) has passed. */
export function isOverdue(status: ActionStatus, dueDate: string, today: string): boolean {
  return (status === 'OPEN' || status === 'IN_UITVOERING') && dueDate < today;
}

export function toActionDto(actor: Actor, row: ActionRow, today: string): ActionDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    description: row.description,
    ownerOrganisation: {
      id: row.owner_organisation_id,
      name: row.owner_organisation_name,
      partnerType: row.owner_partner_type,
    },
    ownerUser:
      row.owner_user_id && row.owner_user_name
        ? {
            id: row.owner_user_id,
            displayName: row.owner_user_name,
            organisationId: row.owner_user_organisation_id ?? row.owner_organisation_id,
          }
        : null,
    dueDate: row.due_date,
    status: row.status,
    notDoneReason: row.not_done_reason,
    statusNote: row.status_note,
    overdue: isOverdue(row.status, row.due_date, today),
    version: row.version,
    can: actionPermissions(actor, row),
  };
}
