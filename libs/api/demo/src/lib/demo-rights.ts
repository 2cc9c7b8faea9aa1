import { randomUUID } from 'node:crypto';
import { personMatchKey, rightsSubjectBsnContext } from '@casustafel/api/database';
import {
  rightsDueDate,
  type IdentityMethod,
  type RightsReceivedVia,
  type RightsRequester,
  type RightsRequestType,
  type RightsTaskAnswer,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { addDays, type DemoCrypto, type DemoRefs } from './demo-case-seeder';
import type { DemoUserKey } from './demo-cases';

/** A data-subject request logged by the demo contactpunt (BGS), about a person of the demo cases. */
export interface DemoRightsRequest {
  type: RightsRequestType;
  receivedDaysAgo: number;
  receivedVia: RightsReceivedVia;
  requester: RightsRequester;
  /** Null: the identity is not yet verified, so the request waits (ONTVANGEN) without tasks. */
  identityMethod: IdentityMethod | null;
  subject: { givenName: string; familyName: string; dateOfBirth: string; bsn?: string };
  /** Tasks already completed, by organisation key. */
  answered?: Array<{
    org: string;
    status: RightsTaskAnswer;
    by: DemoUserKey;
    daysAgo: number;
    note?: string;
  }>;
}

/**
 * Two fictional requests: an inzageverzoek about Piotr Przykład (fictief) sent out 26 days ago, so
 * its legal deadline is a few days away and one task is done; and a verwijderingsverzoek by an
 * authorised person that waits for the identity check.
 */
export const DEMO_RIGHTS_REQUESTS: DemoRightsRequest[] = [
  {
    type: 'INZAGE',
    receivedDaysAgo: 26,
    receivedVia: 'BRIEF',
    requester: 'BETROKKENE',
    identityMethod: 'ID_BEWIJS_GETOOND',
    subject: {
      givenName: 'Piotr',
      familyName: 'Przykład (fictief)',
      dateOfBirth: '1991-02-17',
      bsn: '999990019',
    },
    answered: [{ org: 'zorgcoordinatie', status: 'AFGEROND', by: 'zorgcoordinator', daysAgo: 4 }],
  },
  {
    type: 'VERWIJDERING',
    receivedDaysAgo: 2,
    receivedVia: 'EMAIL',
    requester: 'GEMACHTIGDE',
    identityMethod: null,
    subject: { givenName: 'Maria', familyName: 'Exemplo (fictief)', dateOfBirth: '1988-07-03' },
  },
];

const DAY_MS = 86_400_000;

/**
 * Writes the demo requests as the contactpunt's service would: the person is matched by the same
 * SECURITY DEFINER functions (run here in the contactpunt's security context), the BSN sealed and
 * hashed, one task per joint controller. Runs as the owner, at the end of the demo seed.
 */
export async function insertDemoRightsRequests(
  em: EntityManager,
  refs: DemoRefs,
  crypto: DemoCrypto,
  contactpunt: DemoUserKey,
): Promise<void> {
  const actor = refs.users.get(contactpunt);
  const zvh = actor && refs.organisations.get(actor.organisation);
  if (!actor || !zvh) {
    throw new Error('The demo rights requests need the demo contactpunt');
  }
  const regions: Array<{ region_id: string }> = await em.query(
    'select region_id from organisation where id = $1',
    [zvh.id],
  );
  const today = crypto.clock.today();
  const year = crypto.clock.now().getUTCFullYear();
  const nowMs = crypto.clock.now().getTime();
  await em.query(`select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true)`, [
    actor.id,
    zvh.id,
  ]);
  for (const [index, r] of DEMO_RIGHTS_REQUESTS.entries()) {
    if (!r.subject.familyName.includes('(fictief)')) {
      throw new Error(`Demo rights request ${index}: the person must be marked fictional`);
    }
    const id = randomUUID();
    const receivedAt = addDays(today, -r.receivedDaysAgo);
    const createdAt = new Date(nowMs - r.receivedDaysAgo * DAY_MS + 3_600_000);
    const bsnHash = r.subject.bsn ? crypto.hasher.digest('bsn', r.subject.bsn) : null;
    const matchHash = crypto.hasher.digest(
      'person-match',
      personMatchKey(r.subject.givenName, r.subject.familyName, r.subject.dateOfBirth) as string,
    );
    const sent = r.identityMethod !== null;
    const matches: Array<{ person_id: string; case_id: string }> = sent
      ? await em.query('select person_id, case_id from cst_rights_match($1::bytea, $2::bytea)', [
          bsnHash,
          matchHash,
        ])
      : [];
    const caseIds = [...new Set(matches.map((m) => m.case_id))];
    const held: Array<{ organisation_id: string; case_ids: string[]; item_count: number }> =
      caseIds.length > 0
        ? await em.query(
            'select organisation_id, case_ids, item_count from cst_rights_controllers($1::uuid[])',
            [caseIds],
          )
        : [];
    if (sent && !held.some((h) => h.organisation_id === zvh.id)) {
      held.push({ organisation_id: zvh.id, case_ids: [], item_count: 0 });
    }
    await em.query(
      `insert into rights_request (id, number, region_id, organisation_id, type, received_at, received_via, requester,
         identity_method, due_at, status, matched_persons, matched_cases, fanned_out_at, created_by, created_at,
         updated_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, case when $11 = 'ONTVANGEN' then null else $14::timestamptz end,
               $15, $14, $14, $16)`,
      [
        id,
        `V-${year}-${String(index + 1).padStart(4, '0')}`,
        regions[0].region_id,
        zvh.id,
        r.type,
        receivedAt,
        r.receivedVia,
        r.requester,
        r.identityMethod,
        rightsDueDate(receivedAt),
        sent ? 'IN_BEHANDELING' : 'ONTVANGEN',
        new Set(matches.map((m) => m.person_id)).size,
        caseIds.length,
        createdAt,
        actor.id,
        sent ? 2 : 1,
      ],
    );
    await em.query(
      `insert into rights_request_subject (request_id, given_name, family_name, date_of_birth, bsn_enc, bsn_hash, match_hash)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        r.subject.givenName,
        r.subject.familyName,
        r.subject.dateOfBirth,
        r.subject.bsn ? crypto.box.seal(r.subject.bsn, rightsSubjectBsnContext(id)) : null,
        bsnHash,
        matchHash,
      ],
    );
    for (const m of matches) {
      await em.query(
        'insert into rights_request_person (request_id, person_id, case_id) values ($1, $2, $3)',
        [id, m.person_id, m.case_id],
      );
    }
    for (const h of held) {
      const orgKey = [...refs.organisations].find(([, o]) => o.id === h.organisation_id)?.[0];
      const answer = r.answered?.find((a) => a.org === orgKey);
      await em.query(
        `insert into rights_task (request_id, organisation_id, case_ids, item_count, status, note, answered_by,
           answered_at, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          h.organisation_id,
          h.case_ids,
          h.item_count,
          answer?.status ?? 'OPEN',
          answer?.note ?? null,
          answer ? refs.users.get(answer.by)?.id : null,
          answer ? new Date(nowMs - answer.daysAgo * DAY_MS) : null,
          createdAt,
          answer ? 2 : 1,
        ],
      );
    }
  }
  // The request numbers continue from here in the services' sequence.
  await em.query(
    `insert into number_sequence (scope, value) values ($1, $2)
     on conflict (scope) do update set value = greatest(number_sequence.value, excluded.value)`,
    [`V-${year}`, DEMO_RIGHTS_REQUESTS.length],
  );
  await em.query(`select set_config('app.user_id', '', true), set_config('app.organisation_id', '', true)`);
}
