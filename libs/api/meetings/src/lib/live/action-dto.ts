import type {
  ActionDto,
  ActionNotDoneReason,
  ActionStatus,
  OrganisationRef,
  UserRef,
} from '@casustafel/shared/contracts';

/**
 * The columns of a case action as ActionDto needs them, for `select ${ACTION_COLUMNS} from
 * ${ACTION_FROM} where …`. `access` is the one access policy's answer for the action (category C3,
 * NORMAAL, owned by its author and owner organisations; ADR 0023): show an action only when it
 * starts with FULL. Pass the access function to use: `cst_access` (a user's own read) or
 * `cst_org_access` (the live room's projection for the context organisation).
 */
export function actionColumns(accessFunction: 'cst_access' | 'cst_org_access' = 'cst_access'): string {
  return `a.id, a.case_id, c.number as case_number, a.meeting_id, a.agenda_item_id, a.description,
    jsonb_build_object('id', oo.id, 'name', oo.name, 'partnerType', oo.partner_type) as owner_organisation,
    case when ou.id is null then null
         else jsonb_build_object('id', ou.id, 'displayName', ou.display_name, 'organisationId', ou.organisation_id) end
      as owner_user,
    to_char(a.due_date, 'YYYY-MM-DD') as due_date, a.status, a.not_done_reason, a.status_note, a.version,
    a.owner_organisation_id, a.author_organisation_id, a.created_at,
    ${accessFunction}(a.case_id, 'C3', 'NORMAAL', array[a.author_organisation_id, a.owner_organisation_id], null)
      as access`;
}

export const ACTION_FROM = `case_action a
  join casus c on c.id = a.case_id
  join organisation oo on oo.id = a.owner_organisation_id
  left join app_user ou on ou.id = a.owner_user_id`;

export interface ActionRow {
  id: string;
  case_id: string;
  case_number: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  description: string;
  owner_organisation: OrganisationRef;
  owner_user: UserRef | null;
  due_date: string;
  status: ActionStatus;
  not_done_reason: ActionNotDoneReason | null;
  status_note: string | null;
  version: number;
  owner_organisation_id: string;
  author_organisation_id: string;
  created_at: Date;
  access: string;
}

export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['OPEN', 'IN_UITVOERING'];

/**
 * An action as the reader's organisation sees it. `today` is the Dutch calendar date
 * (Clock.today()); `mayCancel` says whether the reader may set VERVALLEN (the chair of the
 * meeting it came from, or a planner of the table).
 */
export function toActionDto(
  row: ActionRow,
  reader: { organisationId: string; today: string; mayCancel: boolean },
): ActionDto {
  const open = OPEN_ACTION_STATUSES.includes(row.status);
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    description: row.description,
    ownerOrganisation: row.owner_organisation,
    ownerUser: row.owner_user,
    dueDate: row.due_date,
    status: row.status,
    notDoneReason: row.not_done_reason,
    statusNote: row.status_note,
    overdue: open && row.due_date < reader.today,
    version: row.version,
    can: {
      changeStatus: open && row.owner_organisation_id === reader.organisationId,
      cancel: open && reader.mayCancel,
    },
  };
}

/** The policy lets the reader's organisation see the action in full (otherwise: nothing of it). */
export function actionVisible(row: Pick<ActionRow, 'access'>): boolean {
  return row.access.startsWith('FULL');
}
