import { randomUUID } from 'node:crypto';
import { CASE_ROLES, type DataCategory, type Sensitivity } from '@casustafel/shared/contracts';
import type { Client } from 'pg';
import {
  activeRoles,
  CASE_KEYS,
  CASES,
  IDS,
  itemsOf,
  ORGS,
  orgOf,
  type CaseKey,
  type OrgKey,
  type PartyKey,
} from './authorization-world';

/**
 * The case conference in the authorization matrix: one meeting at the mensenhandel table, chaired by
 * the ZVH voorzitter with the ZVH procesregisseur taking minutes, with an agenda item per MH case
 * (the GGZ guest invited to the running case's item only). Each item carries the case's items as
 * live notes (every category and sensitivity), a decision, an action of the GGZ and the
 * minute-taker's summary.
 * Version 1 of the minutes is established (a snapshot), version 2 is a concept. Every case also has
 * an action owned by a partner, for "Mijn acties".
 */

const marker = (kind: string) => `mx${kind}-${randomUUID().slice(0, 13)}`;

export const CONFERENCE_ROLES = {
  chair: 'ZVH voorzitter',
  minuteTaker: 'ZVH procesregisseur',
} as const satisfies Record<string, PartyKey>;

export interface ConferenceNote {
  id: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  author: OrgKey;
  text: string;
}

export interface ConferenceItem {
  id: string;
  caseKey: CaseKey;
  position: number;
  invited: OrgKey[];
  notes: ConferenceNote[];
  decision: { id: string; author: OrgKey; text: string };
  summary: { category: DataCategory; author: OrgKey; text: string };
}

export interface ConferenceAction {
  id: string;
  caseKey: CaseKey;
  author: OrgKey;
  owner: OrgKey;
  description: string;
}

const MH_CASES = CASE_KEYS.filter((k) => CASES[k].table === 'MH' && CASES[k].state !== 'VERNIETIGD');

export const MEETING_ID = randomUUID();

export const CONFERENCE_ITEMS: ConferenceItem[] = MH_CASES.map((caseKey, position) => ({
  id: randomUUID(),
  caseKey,
  position,
  invited: caseKey === 'running' ? ['ggzGuest'] : [],
  // Every item of the case (each category × sensitivity, by rotating authors) as a live note of its agenda item.
  notes: itemsOf(caseKey).map((i) => ({
    id: i.id,
    category: i.category,
    sensitivity: i.sensitivity,
    author: i.author,
    text: i.body,
  })),
  decision: { id: randomUUID(), author: 'zvh', text: marker('decision') },
  summary: { category: 'C2', author: 'zvh', text: marker('summary') },
}));

/** An action of the meeting per item (owned by the GGZ) and one per case outside any meeting. */
export const CONFERENCE_ACTIONS: Array<ConferenceAction & { itemId: string | null }> = [
  ...CONFERENCE_ITEMS.map((item) => ({
    id: randomUUID(),
    caseKey: item.caseKey,
    author: 'zvh' as OrgKey,
    owner: 'ggz' as OrgKey,
    description: marker('meeting-action'),
    itemId: item.id,
  })),
  ...CASE_KEYS.map((caseKey) => ({
    id: randomUUID(),
    caseKey,
    author: CASES[caseKey].responsible,
    owner: (CASES[caseKey].table === 'MH' ? 'ggz' : 'ggzOther') as OrgKey,
    description: marker('case-action'),
    itemId: null,
  })),
];

/** The action of a case outside the meeting (the target of the status probe). */
export const caseAction = (caseKey: CaseKey) =>
  CONFERENCE_ACTIONS.find((a) => a.caseKey === caseKey && a.itemId === null) as ConferenceAction;

const signatoryAtMh = (party: PartyKey) =>
  (ORGS[orgOf(party)].memberships as Partial<Record<string, string>>).MH === 'SIGNATORY';

/** Agenda items the party's organisation may know of: all (a signatory of the table) or those it is invited to. */
export function itemsKnownTo(party: PartyKey): ConferenceItem[] {
  return signatoryAtMh(party)
    ? CONFERENCE_ITEMS
    : CONFERENCE_ITEMS.filter((i) => i.invited.includes(orgOf(party)));
}

/** cst_meeting_visible: a case role at the table, and a signatory there or invited to an item. */
export function seesMeeting(party: PartyKey): boolean {
  return activeRoles(party, 'MH').some((r) => CASE_ROLES.includes(r)) && itemsKnownTo(party).length > 0;
}

export const isChair = (party: PartyKey) => party === CONFERENCE_ROLES.chair;
export const isOfficer = (party: PartyKey) =>
  party === CONFERENCE_ROLES.chair || party === CONFERENCE_ROLES.minuteTaker;

export async function seedConference(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  const chair = IDS.users[CONFERENCE_ROLES.chair];
  await q(
    `insert into meeting (id, table_id, type, scheduled_at, duration_minutes, chair_user_id, minute_taker_user_id,
       status, created_by, created_at, updated_at)
     values ($1, $2, 'CASUSOVERLEG', now() - interval '1 day', 90, $3, $4, 'VERSLAG_CONCEPT', $3, now(), now())`,
    [MEETING_ID, IDS.tables.MH, chair, IDS.users[CONFERENCE_ROLES.minuteTaker]],
  );
  for (const item of CONFERENCE_ITEMS) {
    const caseId = IDS.cases[item.caseKey];
    await q(
      `insert into agenda_item (id, meeting_id, case_id, position, timebox_minutes, created_at)
       values ($1, $2, $3, $4, 15, now())`,
      [item.id, MEETING_ID, caseId, item.position],
    );
    for (const org of item.invited) {
      await q(
        `insert into agenda_invitee (agenda_item_id, organisation_id, basis) values ($1, $2, 'GUEST')`,
        [item.id, IDS.orgs[org]],
      );
    }
    // The world's items of the case were written in this meeting, at this item (live notes are case items).
    await q(`update case_item set meeting_id = $1, agenda_item_id = $2 where id = any ($3::uuid[])`, [
      MEETING_ID,
      item.id,
      item.notes.map((n) => n.id),
    ]);
    await q(
      `insert into meeting_decision (id, meeting_id, agenda_item_id, case_id, type, text, author_organisation_id,
         decided_by, decided_at)
       values ($1, $2, $3, $4, 'MONITOREN', $5, $6, $7, now())`,
      [
        item.decision.id,
        MEETING_ID,
        item.id,
        caseId,
        item.decision.text,
        IDS.orgs[item.decision.author],
        chair,
      ],
    );
  }
  for (const action of CONFERENCE_ACTIONS) {
    await q(
      `insert into case_action (id, case_id, meeting_id, agenda_item_id, description, author_organisation_id,
         owner_organisation_id, due_date, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, current_date + 7, $8, now(), now())`,
      [
        action.id,
        IDS.cases[action.caseKey],
        action.itemId ? MEETING_ID : null,
        action.itemId,
        action.description,
        IDS.orgs[action.author],
        IDS.orgs[action.owner],
        chair,
      ],
    );
  }
  await q(`insert into minutes (meeting_id, version, status, updated_at) values ($1, 1, 'CONCEPT', now())`, [
    MEETING_ID,
  ]);
  for (const item of CONFERENCE_ITEMS) {
    await q(
      `insert into minutes_item_summary (meeting_id, agenda_item_id, category, text, author_organisation_id,
         updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, now())`,
      [MEETING_ID, item.id, item.summary.category, item.summary.text, IDS.orgs[item.summary.author], chair],
    );
  }
  // Version 1 established (its snapshot made by the database, as cst_minutes_snapshot does), version 2 a concept.
  await q(
    `insert into minutes_version (meeting_id, version, content, established_at, established_by)
     values ($1, 1, cst_minutes_content($1), now(), $2)`,
    [MEETING_ID, chair],
  );
  await q(
    `update minutes set version = 2, change_reason = 'Matrix: herziening (fictief).', row_version = 3 where meeting_id = $1`,
    [MEETING_ID],
  );
}
