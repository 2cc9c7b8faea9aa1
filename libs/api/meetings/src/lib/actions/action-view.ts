import type { Actor } from '@casustafel/api/platform';
import type { ActionStatus } from '@casustafel/shared/contracts';
import { actionColumns, type ActionRow } from '../live/action-dto';

/** Statuses an action cannot leave. */
export const FINAL_ACTION_STATUSES: readonly ActionStatus[] = ['AFGEROND', 'NIET_UITGEVOERD', 'VERVALLEN'];

/** An action row (live/action-dto) with what the status rules need: its table and its meeting's chair. */
export interface ActionStatusRow extends ActionRow {
  table_id: string;
  chair_user_id: string | null;
}

/** `actionColumns('cst_access')` (the reader's own policy answer) plus the table and the meeting's chair. */
export const ACTION_STATUS_COLUMNS = `${actionColumns('cst_access')}, c.table_id,
  (select m.chair_user_id from meeting m where m.id = a.meeting_id) as chair_user_id`;

/** The one access policy in the list's WHERE (lists filter in the database, never fetch-then-filter). */
export const ACTION_VISIBLE = `cst_access(a.case_id, 'C3', 'NORMAAL', array[a.author_organisation_id, a.owner_organisation_id], null) like 'FULL%'`;

/** VERVALLEN: the meeting's chair, or a procesregisseur / voorzitter of the table. */
export function mayCancel(actor: Actor, row: { chair_user_id: string | null; table_id: string }): boolean {
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
