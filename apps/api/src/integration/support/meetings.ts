import { randomUUID } from 'node:crypto';
import type { IdentityFactory } from '@casustafel/api/testing';
import type { ParticipationBasis } from '@casustafel/shared/contracts';

/**
 * A case of a table with its participants, written as the schema owner (the case flow itself is
 * tested elsewhere). One fictitious person, so reads of the case have a data subject to audit.
 */
export async function newCase(
  factory: IdentityFactory,
  tableId: string,
  responsibleOrganisationId: string,
  participants: Array<{ organisationId: string; basis?: ParticipationBasis }>,
): Promise<{ id: string; number: string }> {
  const sql = factory.client;
  const number = `MH-T-${randomUUID().slice(0, 8)}`;
  const { rows } = await sql.query<{ id: string }>(
    `insert into casus (number, table_id, state, opened_at, responsible_organisation_id, reason, goal, updated_at)
     values ($1, $2, 'GEAGENDEERD', now(), $3, 'Signalen (fictief).', 'Veiligheid (fictief).', now()) returning id`,
    [number, tableId, responsibleOrganisationId],
  );
  const caseId = rows[0].id;
  for (const p of participants) {
    await sql.query(
      `insert into case_participant (case_id, organisation_id, basis, since) values ($1, $2, $3, now())`,
      [caseId, p.organisationId, p.basis ?? 'MEMBER'],
    );
  }
  const person = await sql.query<{ id: string }>(
    `insert into person (given_name, family_name, pseudonym) values ('Noor', 'Fictief', $1) returning id`,
    [`PS-${randomUUID()}`],
  );
  await sql.query(
    `insert into case_person (case_id, person_id, role, position, owner_organisation_id) values ($1, $2, 'SLACHTOFFER', 0, $3)`,
    [caseId, person.rows[0].id, responsibleOrganisationId],
  );
  return { id: caseId, number };
}

/** Audit rows of an action (codes only), newest last. */
export async function auditRows(
  factory: IdentityFactory,
  action: string,
  objectId?: string,
): Promise<Array<{ outcome: string; actor_user_id: string; details: Record<string, unknown> }>> {
  const { rows } = await factory.client.query(
    `select outcome, actor_user_id, details from audit_event
      where action = $1 and data_subject_id is null and ($2::text is null or object_id = $2) order by seq`,
    [action, objectId ?? null],
  );
  return rows;
}
