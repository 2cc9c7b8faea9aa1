import { queryRows } from '@casustafel/api/database';
import { ConflictError, NotFoundError } from '@casustafel/api/platform';
import type { CaseState } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/** The case's table and state, if the actor may see the case (RLS); otherwise "not found". */
export async function visibleCase(
  em: EntityManager,
  caseId: string,
  lock = false,
): Promise<{ table_id: string; state: CaseState }> {
  const rows = await queryRows<{ table_id: string; state: CaseState }>(
    em,
    `select table_id, state from casus where id = $1 and state <> 'VERNIETIGD'${lock ? ' for update' : ''}`,
    [caseId],
  );
  if (!rows[0]) {
    throw new NotFoundError('No such case.');
  }
  return rows[0];
}

export function isOpenState(state: CaseState): boolean {
  return state !== 'AFGESLOTEN' && state !== 'VERNIETIGD';
}

/** A closed case is read-only until it is reopened. */
export function assertOpenState(state: CaseState): void {
  if (!isOpenState(state)) {
    throw new ConflictError('The case is closed; reopen it before changing it.');
  }
}
