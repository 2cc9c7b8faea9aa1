import { randomUUID } from 'node:crypto';
import type { Clock, KeyedHasher, SecretBox } from '@casustafel/api/platform';
import { bsnContext, personMatchKey, shelterAddressContext } from '@casustafel/api/database';
import {
  DEFAULT_EMBARGO_PARTNER_TYPES,
  DEFAULT_MENSENHANDEL_SIGNALS,
  INFORMING_REASON_CODES,
  SHARING_CONSENT_KINDS,
  type CaseState,
  type ConsentKind,
  type DataCategory,
  type MembershipStatus,
  type PartnerType,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import {
  DEMO_CASES,
  DEMO_REGISTRATIONS,
  type DemoCase,
  type DemoIntake,
  type DemoPerson,
  type DemoRegistration,
  type DemoTableKey,
  type DemoUserKey,
} from './demo-cases';

/** Ids of what the region seed created, by the keys the demo data uses. */
export interface DemoRefs {
  organisations: Map<string, { id: string; partnerType: PartnerType }>;
  tables: Map<DemoTableKey, { id: string; memberships: Map<string, MembershipStatus> }>;
  users: Map<DemoUserKey, { id: string; organisation: string }>;
}

export interface DemoCrypto {
  clock: Clock;
  box: SecretBox;
  hasher: KeyedHasher;
}

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const MANAGERS: DemoUserKey[] = ['procesregisseur', 'voorzitter'];
/** A case's version after triage and the transitions that lead to its state (each transition +1). */
const STATE_VERSION: Record<Exclude<CaseState, 'VERNIETIGD'>, number> = {
  INFORMATIEVERZAMELING: 1,
  GEAGENDEERD: 2,
  IN_UITVOERING: 3,
  MONITORING: 4,
  OPGESCHAALD: 4,
  AFGESCHAALD: 4,
  AFGESLOTEN: 5,
};

/**
 * Turns the demo data into the rows the services would have written (registration, triage, case,
 * items, disclosures, information requests, mensenhandel panel): sealed BSN and shelter address,
 * keyed hashes, numbers in the services' format, versions as after the steps that lead there.
 * Inconsistent demo data (an author whose organisation does not take part, an OM on a table it
 * declined, …) throws, so the seed never shows what the application could not produce.
 */
export class DemoCasePlan {
  readonly persons: Row[] = [];
  readonly registrations: Row[] = [];
  readonly registrationPersons: Row[] = [];
  readonly cases: Row[] = [];
  readonly participants: Row[] = [];
  readonly casePersons: Row[] = [];
  readonly items: Row[] = [];
  readonly requests: Row[] = [];
  readonly disclosures: Row[] = [];
  readonly consents: Row[] = [];
  readonly informing: Row[] = [];
  readonly mensenhandel: Row[] = [];
  readonly sequences = new Map<string, number>();

  private readonly nowMs: number;
  private readonly today: string;

  constructor(
    private readonly refs: DemoRefs,
    private readonly crypto: DemoCrypto,
    private readonly prefixes: Map<DemoTableKey, string>,
    cases: readonly DemoCase[] = DEMO_CASES,
    registrations: readonly DemoRegistration[] = DEMO_REGISTRATIONS,
  ) {
    this.nowMs = crypto.clock.now().getTime();
    this.today = crypto.clock.today();
    // Numbers follow creation order, as the number sequence hands them out.
    const byAge = <T>(list: readonly T[], daysAgo: (x: T) => number) =>
      [...list].sort((a, b) => daysAgo(b) - daysAgo(a));
    const caseRegistrations = new Map<string, string>();
    const allRegistrations: Array<{ at: number; write: (number: string) => void }> = [];
    for (const c of cases) {
      const id = randomUUID();
      caseRegistrations.set(c.key, id);
      allRegistrations.push({
        at: this.atMs(c.openedDaysAgo + 1, -120),
        write: (number) => this.caseRegistration(id, number, c),
      });
    }
    for (const r of registrations) {
      allRegistrations.push({
        at: this.atMs(r.daysAgo, -120),
        write: (number) => this.registration(number, r),
      });
    }
    for (const r of [...allRegistrations].sort((a, b) => a.at - b.at)) {
      r.write(this.nextNumber('A', r.at));
    }
    for (const c of byAge(cases, (x) => x.openedDaysAgo)) {
      const prefix = this.prefixes.get(c.table);
      if (!prefix) {
        throw new Error(`Demo case ${c.key}: unknown table ${c.table}`);
      }
      this.case(
        c,
        this.nextNumber(prefix, this.atMs(c.openedDaysAgo)),
        caseRegistrations.get(c.key) as string,
      );
    }
  }

  private caseRegistration(id: string, number: string, c: DemoCase): void {
    const registrant = this.user(c.registeredBy);
    const triage = this.user(c.triagedBy);
    this.registrations.push({
      ...this.registrationBase(
        id,
        number,
        c.table,
        registrant,
        c.openedDaysAgo + 1,
        c.intake,
        c.reason,
        c.goal,
      ),
      state: 'CASE_CREATED',
      proposed_participants: [...c.members, ...(c.guests ?? [])].map((org) => ({
        organisationId: this.organisation(org).id,
      })),
      triage_outcome: 'ZVH_TABLE',
      triage_advice: '',
      triaged_at: this.at(c.openedDaysAgo),
      triaged_by: triage.id,
      updated_at: this.at(c.openedDaysAgo),
      version: 3,
    });
    // The case is linked once it exists (the foreign keys point both ways).
  }

  private registration(number: string, r: DemoRegistration): void {
    const id = randomUUID();
    const registrant = this.user(r.registeredBy);
    const decided = r.state !== 'CONCEPT' && r.state !== 'AANGEMELD' && r.state !== 'IN_TRIAGE';
    if (decided !== Boolean(r.triage)) {
      throw new Error(`Demo registration ${r.key}: a triage decision belongs to a decided registration`);
    }
    const outcome = {
      AFGEWEZEN_MET_ADVIES: 'AFGEWEZEN',
      BILATERAAL: 'BILATERAAL',
      DOORVERWEZEN_LOKAAL: 'LOKAAL',
    } as const;
    const base = this.registrationBase(
      id,
      number,
      r.table,
      registrant,
      r.daysAgo,
      r.intake,
      r.reason,
      r.goal,
    );
    this.registrations.push({
      ...base,
      state: r.state,
      submitted_at: r.state === 'CONCEPT' ? null : base['submitted_at'],
      proposed_participants: (r.proposed ?? []).map((org) => {
        this.membership(r.table, org, `registration ${r.key}`);
        return { organisationId: this.organisation(org).id };
      }),
      triage_outcome: r.triage ? outcome[r.state as keyof typeof outcome] : null,
      triage_advice: r.triage?.advice ?? null,
      triage_referral: r.triage?.referral ?? null,
      triaged_at: r.triage ? this.at(r.triage.daysAgo) : null,
      triaged_by: r.triage ? this.user(r.triage.by).id : null,
      updated_at: r.triage
        ? this.at(r.triage.daysAgo)
        : this.at(r.daysAgo, r.state === 'IN_TRIAGE' ? -30 : -60),
      version: r.triage ? 3 : r.state === 'IN_TRIAGE' ? 2 : 1,
    });
    r.persons.forEach((person, position) => {
      this.registrationPersons.push({
        registration_id: id,
        person_id: this.person(person),
        role: person.role,
        position,
      });
    });
  }

  private registrationBase(
    id: string,
    number: string,
    table: DemoTableKey,
    registrant: { id: string; organisation: string },
    daysAgo: number,
    intake: DemoIntake,
    reason: string,
    goal: string,
  ): Row {
    const discussed = intake.discussedWithPerson ?? true;
    if (!discussed && !intake.notDiscussedReason) {
      throw new Error(`Demo registration ${number}: not discussed needs a reason`);
    }
    const signals = intake.signals ?? [];
    if (table !== 'mensenhandel' && signals.length > 0) {
      throw new Error(`Demo registration ${number}: only the mensenhandel table has signals`);
    }
    for (const signal of signals) {
      if (!DEFAULT_MENSENHANDEL_SIGNALS.some((s) => s.id === signal)) {
        throw new Error(`Demo registration ${number}: unknown signal ${signal}`);
      }
    }
    return {
      id,
      number,
      table_id: this.table(table).id,
      registering_organisation_id: this.organisation(registrant.organisation).id,
      registered_by: registrant.id,
      created_at: this.at(daysAgo, -120),
      submitted_at: this.at(daysAgo, -60),
      reason,
      goal,
      discussed_with_person: discussed,
      not_discussed_reason: discussed ? null : intake.notDiscussedReason,
      criteria: intake.criteria,
      signals: signals.map((signalId) => ({ signalId })),
      triage_outcome: null,
      triage_advice: null,
      triage_referral: null,
      triaged_at: null,
      triaged_by: null,
    };
  }

  private case(c: DemoCase, number: string, registrationId: string): void {
    const id = randomUUID();
    const what = `Demo case ${c.key}`;
    const registrant = this.user(c.registeredBy);
    const triage = this.user(c.triagedBy);
    const openedAt = this.at(c.openedDaysAgo);
    if ((c.state === 'AFGESLOTEN') !== (c.closedDaysAgo !== undefined)) {
      throw new Error(`${what}: a closed case (and only a closed case) has a closing date`);
    }
    if ((c.state === 'AFGESCHAALD' || c.state === 'AFGESLOTEN') !== Boolean(c.handover)) {
      throw new Error(`${what}: scaling down records a handover`);
    }
    const registration = this.registrations.find((r) => r['id'] === registrationId) as Row;
    registration['case_id'] = id;

    // Participants as triage adds them: the ZVH, the registrant and the proposed partners.
    const participants = new Map<string, Row>();
    const participate = (org: string, since: string, addedBy: string) => {
      if (participants.has(org)) {
        return;
      }
      const status = this.membership(c.table, org, what);
      participants.set(org, {
        case_id: id,
        organisation_id: this.organisation(org).id,
        basis: status === 'SIGNATORY' ? 'MEMBER' : 'GUEST',
        since,
        added_by: addedBy,
      });
    };
    for (const org of ['zvh', registrant.organisation, ...c.members]) {
      if (this.membership(c.table, org, what) !== 'SIGNATORY') {
        throw new Error(`${what}: ${org} is not a signatory of the table`);
      }
      participate(org, openedAt, triage.id);
    }
    for (const org of c.guests ?? []) {
      if (this.membership(c.table, org, what) !== 'GUEST') {
        throw new Error(`${what}: ${org} is not a guest of the table`);
      }
      participate(org, openedAt, triage.id);
    }
    const takesPart = (org: string) => participants.has(org);

    const personIds: string[] = [];
    c.persons.forEach((person, position) => {
      const personId = this.person(person);
      personIds.push(personId);
      this.registrationPersons.push({
        registration_id: registrationId,
        person_id: personId,
        role: person.role,
        position,
      });
      this.casePersons.push({
        case_id: id,
        person_id: personId,
        role: person.role,
        position,
        owner_organisation_id: this.organisation(registrant.organisation).id,
      });
    });

    // Information requests: the asked partner takes part from the request on.
    const requestIds = new Map<string, string>();
    for (const q of c.requests ?? []) {
      const requestId = randomUUID();
      if (q.key) {
        requestIds.set(q.key, requestId);
      }
      if (!MANAGERS.includes(q.requestedBy) || c.state === 'AFGESLOTEN') {
        throw new Error(`${what}: only a manager asks, and not in a closed case`);
      }
      if (
        (q.state === 'OPEN') === Boolean(q.outcome) ||
        (q.state === 'DECLINED') !== Boolean(q.outcome?.declineReason)
      ) {
        throw new Error(`${what}: request state ${q.state} does not fit its outcome`);
      }
      if (q.outcome && this.user(q.outcome.by).organisation !== q.to) {
        throw new Error(`${what}: a request is answered by its recipient`);
      }
      const requestedAt = this.at(q.daysAgo);
      participate(q.to, requestedAt, this.user(q.requestedBy).id);
      this.requests.push({
        id: requestId,
        case_id: id,
        to_organisation_id: this.organisation(q.to).id,
        question: q.question,
        categories: q.categories,
        due_at: this.date(q.dueInDays),
        state: q.state,
        requested_by: this.user(q.requestedBy).id,
        requested_at: requestedAt,
        answered_at: q.outcome ? this.at(q.outcome.daysAgo) : null,
        answered_by: q.outcome ? this.user(q.outcome.by).id : null,
        decline_reason: q.outcome?.declineReason ?? null,
      });
    }

    const itemIds = new Map<string, { id: string; organisation: string; category: DataCategory }>();
    const itemTimes: number[] = [];
    (c.items ?? []).forEach((item, index) => {
      const itemId = randomUUID();
      const author = this.user(item.author);
      if (!takesPart(author.organisation)) {
        throw new Error(`${what}: ${item.author} writes in a case its organisation does not take part in`);
      }
      const sensitivity = item.sensitivity ?? 'NORMAAL';
      if (
        sensitivity === 'EMBARGO' &&
        !DEFAULT_EMBARGO_PARTNER_TYPES.includes(this.organisation(author.organisation).partnerType)
      ) {
        throw new Error(`${what}: only organisations on the embargo list place an embargo`);
      }
      if (item.daysAgo > c.openedDaysAgo) {
        throw new Error(`${what}: item "${item.title}" is older than the case`);
      }
      const answers = item.answers ? requestIds.get(item.answers) : null;
      if (item.answers) {
        const request = (c.requests ?? []).find((q) => q.key === item.answers);
        if (!answers || request?.state !== 'ANSWERED' || request.to !== author.organisation) {
          throw new Error(`${what}: item "${item.title}" answers no request of its organisation`);
        }
      }
      if (item.key) {
        itemIds.set(item.key, { id: itemId, organisation: author.organisation, category: item.category });
      }
      const createdMs = this.atMs(item.daysAgo, -60 + index);
      itemTimes.push(createdMs);
      this.items.push({
        id: itemId,
        case_id: id,
        category: item.category,
        sensitivity,
        title: item.title,
        body: item.body,
        legal_ground: item.legalGround ?? null,
        author_organisation_id: this.organisation(author.organisation).id,
        author_id: author.id,
        information_request_id: answers,
        created_at: new Date(createdMs).toISOString(),
        updated_at: new Date(createdMs).toISOString(),
      });
    });
    for (const q of c.requests ?? []) {
      if (q.state === 'ANSWERED' && !(c.items ?? []).some((i) => i.answers === q.key)) {
        throw new Error(`${what}: an answered request has its answer item`);
      }
    }

    const consents = this.consentRows(c, id, personIds, itemIds);
    for (const d of c.disclosures ?? []) {
      const proposer = this.user(d.proposedBy);
      if (proposer.organisation !== d.from || !takesPart(d.from) || d.from === d.to) {
        throw new Error(`${what}: a disclosure comes from the proposer's own, participating organisation`);
      }
      this.membership(c.table, d.to, what);
      const items = (d.itemKeys ?? []).map((key) => {
        const item = itemIds.get(key);
        if (!item || item.organisation !== d.from) {
          throw new Error(`${what}: a disclosure shares only its organisation's own items`);
        }
        return item.id;
      });
      if (items.length + (d.categories?.length ?? 0) === 0) {
        throw new Error(`${what}: a disclosure shares something`);
      }
      if (d.legalGround === 'OTHER' && !d.legalReference) {
        throw new Error(`${what}: legal ground OTHER needs a reference`);
      }
      const approved = d.state !== 'PROPOSED';
      if (approved !== Boolean(d.decided) || (d.state === 'REVOKED') !== Boolean(d.revoked)) {
        throw new Error(`${what}: disclosure state ${d.state} does not fit its decisions`);
      }
      if (d.decided && (!MANAGERS.includes(d.decided.by) || d.decided.by === d.proposedBy)) {
        throw new Error(`${what}: another manager approves a disclosure (four eyes)`);
      }
      const consent = d.consentKey ? consents.get(d.consentKey) : null;
      if (d.consentKey) {
        const shared = [...(d.categories ?? []), ...(d.itemKeys ?? []).map((k) => itemIds.get(k)?.category)];
        if (
          !consent ||
          !SHARING_CONSENT_KINDS.includes(consent.kind) ||
          !consent.organisations.includes(d.to) ||
          shared.some((category) => !category || !consent.categories.includes(category))
        ) {
          throw new Error(`${what}: a disclosure rests on a sharing consent of the case that covers it`);
        }
      }
      if (d.decided) {
        // Approval lets the recipient take part, so it can read what was shared.
        participate(d.to, this.at(d.decided.daysAgo), this.user(d.decided.by).id);
      }
      this.disclosures.push({
        id: randomUUID(),
        case_id: id,
        from_organisation_id: this.organisation(d.from).id,
        to_organisation_id: this.organisation(d.to).id,
        item_ids: items,
        categories: d.categories ?? [],
        purpose: d.purpose,
        legal_ground: d.legalGround,
        legal_reference: d.legalReference ?? '',
        state: d.state,
        proposed_by: proposer.id,
        proposed_at: this.at(d.daysAgo),
        decided_by: d.decided ? this.user(d.decided.by).id : null,
        decided_at: d.decided ? this.at(d.decided.daysAgo) : null,
        revoked_by: d.revoked ? this.user(d.revoked.by).id : null,
        revoked_at: d.revoked ? this.at(d.revoked.daysAgo) : null,
        revoke_reason: d.revoked?.reason ?? null,
        consent_id: consent?.id ?? null,
      });
    }
    this.informingRows(c, id);

    if (c.table === 'mensenhandel') {
      this.mensenhandelRow(c, id, registrant.organisation, takesPart);
    } else if (c.mensenhandel) {
      throw new Error(`${what}: mensenhandel details belong on the mensenhandel table`);
    }

    const closedMs = c.closedDaysAgo === undefined ? undefined : this.atMs(c.closedDaysAgo);
    const updatedMs = Math.max(this.atMs(c.openedDaysAgo), closedMs ?? 0, ...itemTimes);
    this.participants.push(...participants.values());
    this.cases.push({
      id,
      number,
      table_id: this.table(c.table).id,
      registration_id: registrationId,
      state: c.state,
      opened_at: openedAt,
      closed_at: closedMs === undefined ? null : new Date(closedMs).toISOString(),
      responsible_organisation_id: this.organisation(registrant.organisation).id,
      procesregisseur_id: c.triagedBy === 'procesregisseur' ? triage.id : null,
      casusregisseur_id: c.casusregisseur ? this.casusregisseur(c, takesPart) : null,
      reason: c.reason,
      goal: c.goal,
      handover_to: c.handover?.to ?? null,
      handover_data: c.handover?.data ?? null,
      updated_at: new Date(updatedMs).toISOString(),
      version: STATE_VERSION[c.state] + (c.casusregisseur ? 1 : 0),
    });
  }

  /** The consent register of a case, as ConsentsService records and withdraws it. */
  private consentRows(
    c: DemoCase,
    caseId: string,
    personIds: string[],
    itemIds: Map<string, { id: string; organisation: string; category: DataCategory }>,
  ): Map<string, { id: string; kind: ConsentKind; organisations: string[]; categories: DataCategory[] }> {
    const what = `Demo case ${c.key}`;
    const byKey = new Map<
      string,
      { id: string; kind: ConsentKind; organisations: string[]; categories: DataCategory[] }
    >();
    for (const k of c.consents ?? []) {
      const id = randomUUID();
      const recorder = this.user(k.recordedBy);
      if (!MANAGERS.includes(k.recordedBy) || !personIds[k.person]) {
        throw new Error(`${what}: a manager records the consent of a person of the case`);
      }
      if (k.givenDaysAgo < k.recordedDaysAgo || k.recordedDaysAgo > c.openedDaysAgo) {
        throw new Error(`${what}: a consent is given before it is recorded, in the life of the case`);
      }
      if (
        k.withdrawn &&
        (k.withdrawn.daysAgo > k.recordedDaysAgo ||
          !(
            MANAGERS.includes(k.withdrawn.by) ||
            this.user(k.withdrawn.by).organisation === recorder.organisation
          ))
      ) {
        throw new Error(`${what}: a manager or the recording organisation withdraws, after recording`);
      }
      const evidence = k.evidenceItemKey ? itemIds.get(k.evidenceItemKey) : undefined;
      if (k.evidenceItemKey && !evidence) {
        throw new Error(`${what}: the evidence of a consent is an item of the case`);
      }
      if (k.key) {
        byKey.set(k.key, { id, kind: k.kind, organisations: k.organisations, categories: k.categories });
      }
      this.consents.push({
        id,
        case_id: caseId,
        person_id: personIds[k.person],
        kind: k.kind,
        scope_organisation_ids: k.organisations.map((org) => this.organisation(org).id),
        scope_categories: k.categories,
        purpose: k.purpose,
        given_by: k.givenBy,
        form: k.form,
        evidence_type: k.evidenceType,
        evidence_item_id: evidence?.id ?? null,
        given_at: this.date(-k.givenDaysAgo),
        recorded_by: recorder.id,
        recorded_organisation_id: this.organisation(recorder.organisation).id,
        recorded_at: this.at(k.recordedDaysAgo),
        withdrawn_at: k.withdrawn ? this.at(k.withdrawn.daysAgo) : null,
        withdrawn_by: k.withdrawn ? this.user(k.withdrawn.by).id : null,
        withdrawal_note: k.withdrawn?.note ?? null,
        version: k.withdrawn ? 2 : 1,
      });
    }
    return byKey;
  }

  /** The informing history, oldest first, as InformingService writes it. */
  private informingRows(c: DemoCase, caseId: string): void {
    const what = `Demo case ${c.key}`;
    let previous = Infinity;
    (c.informing ?? []).forEach((entry, index) => {
      const codes = INFORMING_REASON_CODES[entry.status];
      const code = entry.reasonCode ?? null;
      const deferred = entry.status === 'DEFERRED';
      if (
        !MANAGERS.includes(entry.setBy) ||
        entry.daysAgo > c.openedDaysAgo ||
        entry.daysAgo > previous ||
        (codes.length === 0 ? code !== null : code === null || !codes.includes(code)) ||
        deferred !== (entry.reviewInDays !== undefined) ||
        (deferred && (entry.reviewInDays as number) < -entry.daysAgo)
      ) {
        throw new Error(`${what}: informing entry ${index + 1} is not one the application could write`);
      }
      previous = entry.daysAgo;
      this.informing.push({
        id: randomUUID(),
        case_id: caseId,
        seq: index + 1,
        status: entry.status,
        reason_code: code,
        reason: entry.reason ?? null,
        review_at: deferred ? this.date(entry.reviewInDays as number) : null,
        set_by: this.user(entry.setBy).id,
        set_organisation_id: this.organisation(this.user(entry.setBy).organisation).id,
        set_at: this.at(entry.daysAgo, index),
      });
    });
  }

  private casusregisseur(c: DemoCase, takesPart: (org: string) => boolean): string {
    const user = this.user(c.casusregisseur as DemoUserKey);
    if (!takesPart(user.organisation)) {
      throw new Error(`Demo case ${c.key}: the casusregisseur's organisation must take part`);
    }
    return user.id;
  }

  private mensenhandelRow(
    c: DemoCase,
    caseId: string,
    registrantOrg: string,
    takesPart: (org: string) => boolean,
  ): void {
    const m = c.mensenhandel;
    if (!m) {
      throw new Error(`Demo case ${c.key}: a mensenhandel case has its panel (triage creates it)`);
    }
    const ticked = new Set(c.intake.signals ?? []);
    const derived = [
      ...new Set(DEFAULT_MENSENHANDEL_SIGNALS.filter((s) => ticked.has(s.id)).map((s) => s.form)),
    ];
    const forms = m.forms ?? derived;
    const exploitationEdited = m.victimStatus !== 'SIGNAAL' || Boolean(m.comensha) || Boolean(m.forms);
    let b8Offered: string | null = null;
    let b8Accepted: string | null = null;
    if (m.b8) {
      if (!takesPart(m.b8.owner)) {
        throw new Error(`Demo case ${c.key}: the B8 owner takes part`);
      }
      if (m.b8.endsInDays !== undefined) {
        // Accepted so that the three months' reflection period ends in `endsInDays` days.
        b8Accepted = addMonths(addDays(this.today, m.b8.endsInDays), -3);
        b8Offered =
          m.b8.offeredDaysAgo === undefined ? addDays(b8Accepted, -7) : this.date(-m.b8.offeredDaysAgo);
      } else {
        b8Accepted = m.b8.acceptedDaysAgo === undefined ? null : this.date(-m.b8.acceptedDaysAgo);
        b8Offered = m.b8.offeredDaysAgo === undefined ? null : this.date(-m.b8.offeredDaysAgo);
      }
      if (b8Offered && b8Accepted && b8Accepted < b8Offered) {
        throw new Error(`Demo case ${c.key}: B8 accepted before it was offered`);
      }
    }
    if (m.shelter && (!takesPart(m.shelter.owner) || !takesPart(m.shelter.organisation))) {
      throw new Error(`Demo case ${c.key}: the shelter owner and organisation take part`);
    }
    this.mensenhandel.push({
      case_id: caseId,
      forms,
      victim_status: m.victimStatus,
      comensha_reported: Boolean(m.comensha),
      comensha_reported_at: m.comensha ? this.date(-m.comensha.reportedDaysAgo) : null,
      comensha_reference: m.comensha?.reference ?? null,
      comensha_dossier_type: m.comensha?.dossierType ?? null,
      exploitation_owner_id: this.organisation(registrantOrg).id,
      b8_offered_at: b8Offered,
      b8_accepted_at: b8Accepted,
      aangifte: m.b8?.aangifte ?? null,
      permit_status: m.b8?.permitStatus ?? null,
      b8_owner_id: m.b8 ? this.organisation(m.b8.owner).id : null,
      shelter_type: m.shelter?.type ?? null,
      shelter_placed_at: m.shelter ? this.date(-m.shelter.placedDaysAgo) : null,
      shelter_placed_via: m.shelter?.via ?? null,
      shelter_organisation_id: m.shelter ? this.organisation(m.shelter.organisation).id : null,
      shelter_address_enc: m.shelter
        ? this.crypto.box.seal(m.shelter.address, shelterAddressContext(caseId)).toString('base64')
        : null,
      shelter_owner_id: m.shelter ? this.organisation(m.shelter.owner).id : null,
      updated_at: this.at(c.openedDaysAgo),
      version: 1 + (exploitationEdited ? 1 : 0) + (m.b8 ? 1 : 0) + (m.shelter ? 1 : 0),
    });
  }

  /** A person row as PersonsService.create writes it: sealed BSN, keyed hashes, pseudonym. */
  private person(input: DemoPerson): string {
    const id = randomUUID();
    const { box, hasher } = this.crypto;
    if (!input.familyName.includes('(fictief)')) {
      throw new Error(`Demo person ${input.givenName}: every demo person is marked fictional`);
    }
    if (input.bsn && !/^99999\d{4}$/.test(input.bsn)) {
      throw new Error(`Demo person ${input.givenName}: BSNs only from the test range 99999xxxx`);
    }
    const matchKey = personMatchKey(input.givenName, input.familyName, input.dateOfBirth ?? null);
    this.persons.push({
      id,
      given_name: input.givenName,
      family_name: input.familyName,
      date_of_birth: input.dateOfBirth ?? null,
      address: input.address ?? null,
      bsn_enc: input.bsn ? box.seal(input.bsn, bsnContext(id)).toString('base64') : null,
      bsn_hash: input.bsn ? hasher.digest('bsn', input.bsn).toString('base64') : null,
      match_hash: matchKey ? hasher.digest('person-match', matchKey).toString('base64') : null,
      pseudonym: hasher.hex('person-pseudonym', id).slice(0, 32),
    });
    return id;
  }

  private nextNumber(prefix: string, atMs: number): string {
    const scope = `${prefix}-${new Date(atMs).getUTCFullYear()}`;
    const value = (this.sequences.get(scope) ?? 0) + 1;
    this.sequences.set(scope, value);
    return `${scope}-${String(value).padStart(4, '0')}`;
  }

  private user(key: DemoUserKey): { id: string; organisation: string } {
    const user = this.refs.users.get(key);
    if (!user) {
      throw new Error(`Demo data refers to unknown user ${key}`);
    }
    return user;
  }

  private organisation(key: string): { id: string; partnerType: PartnerType } {
    const organisation = this.refs.organisations.get(key);
    if (!organisation) {
      throw new Error(`Demo data refers to unknown organisation ${key}`);
    }
    return organisation;
  }

  private table(key: DemoTableKey): { id: string; memberships: Map<string, MembershipStatus> } {
    const table = this.refs.tables.get(key);
    if (!table) {
      throw new Error(`Demo data refers to unknown table ${key}`);
    }
    return table;
  }

  private membership(table: DemoTableKey, org: string, what: string): MembershipStatus {
    const status = this.table(table).memberships.get(org);
    if (status !== 'SIGNATORY' && status !== 'GUEST') {
      throw new Error(`${what}: ${org} does not take part in table ${table} (${status ?? 'no membership'})`);
    }
    return status;
  }

  private atMs(daysAgo: number, minutes = 0): number {
    return this.nowMs - daysAgo * DAY_MS + minutes * MINUTE_MS;
  }

  private at(daysAgo: number, minutes = 0): string {
    return new Date(this.atMs(daysAgo, minutes)).toISOString();
  }

  /** A Dutch calendar date `days` from today (negative: in the past). */
  private date(days: number): string {
    return addDays(this.today, days);
  }
}

/** Writes the plan in a dozen statements (one per table), whatever the number of cases. */
export async function insertDemoCasePlan(em: EntityManager, plan: DemoCasePlan): Promise<void> {
  await insertRows(em, 'person', PERSON_COLUMNS, plan.persons);
  await insertRows(
    em,
    'registration',
    REGISTRATION_COLUMNS,
    plan.registrations.map((r) => ({ ...r, case_id: null })),
  );
  await insertRows(em, 'registration_person', REGISTRATION_PERSON_COLUMNS, plan.registrationPersons);
  await insertRows(em, 'casus', CASE_COLUMNS, plan.cases);
  const caseIds = plan.cases.map((c) => c['id']);
  // Retention as the AFSLUITEN transition computes it: closing time plus the table's retention period.
  await em.query(
    `update casus c set retention_until = (c.closed_at + make_interval(months => t.default_retention_months))::date
       from case_table t where t.id = c.table_id and c.id = any($1::uuid[]) and c.closed_at is not null`,
    [caseIds],
  );
  await em.query(
    `update registration r set case_id = c.id from casus c where c.registration_id = r.id and c.id = any($1::uuid[])`,
    [caseIds],
  );
  await insertRows(em, 'case_participant', PARTICIPANT_COLUMNS, plan.participants);
  await insertRows(em, 'case_person', CASE_PERSON_COLUMNS, plan.casePersons);
  await insertRows(em, 'information_request', REQUEST_COLUMNS, plan.requests);
  await insertRows(em, 'case_item', ITEM_COLUMNS, plan.items);
  await insertRows(em, 'consent_record', CONSENT_COLUMNS, plan.consents);
  await insertRows(em, 'disclosure', DISCLOSURE_COLUMNS, plan.disclosures);
  await insertRows(em, 'case_informing', INFORMING_COLUMNS, plan.informing);
  await insertRows(em, 'case_mensenhandel', MENSENHANDEL_COLUMNS, plan.mensenhandel);
  // The services continue numbering after the seeded numbers.
  await em.query(
    `insert into number_sequence (scope, value) select scope, value from jsonb_to_recordset($1::jsonb) as x(scope text, value integer)
     on conflict (scope) do update set value = greatest(number_sequence.value, excluded.value)`,
    [JSON.stringify([...plan.sequences].map(([scope, value]) => ({ scope, value })))],
  );
}

/** Column name → SQL type; `bytea` columns travel as base64. */
type Columns = Record<string, string>;

async function insertRows(em: EntityManager, table: string, columns: Columns, rows: Row[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const names = Object.keys(columns);
  const record = names.map((n) => `${n} ${columns[n] === 'bytea' ? 'text' : columns[n]}`).join(', ');
  const select = names
    .map((n) => (columns[n] === 'bytea' ? `decode(x.${n}, 'base64')` : `x.${n}`))
    .join(', ');
  await em.query(
    `insert into ${table} (${names.join(', ')}) select ${select} from jsonb_to_recordset($1::jsonb) as x(${record})`,
    [JSON.stringify(rows.map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null]))))],
  );
}

const PERSON_COLUMNS: Columns = {
  id: 'uuid',
  given_name: 'text',
  family_name: 'text',
  date_of_birth: 'date',
  address: 'text',
  bsn_enc: 'bytea',
  bsn_hash: 'bytea',
  match_hash: 'bytea',
  pseudonym: 'text',
};
const REGISTRATION_COLUMNS: Columns = {
  id: 'uuid',
  number: 'text',
  table_id: 'uuid',
  state: 'text',
  registering_organisation_id: 'uuid',
  registered_by: 'uuid',
  created_at: 'timestamptz',
  submitted_at: 'timestamptz',
  reason: 'text',
  goal: 'text',
  discussed_with_person: 'boolean',
  not_discussed_reason: 'text',
  criteria: 'jsonb',
  signals: 'jsonb',
  proposed_participants: 'jsonb',
  triage_outcome: 'text',
  triage_advice: 'text',
  triage_referral: 'text',
  triaged_at: 'timestamptz',
  triaged_by: 'uuid',
  case_id: 'uuid',
  updated_at: 'timestamptz',
  version: 'integer',
};
const REGISTRATION_PERSON_COLUMNS: Columns = {
  registration_id: 'uuid',
  person_id: 'uuid',
  role: 'text',
  position: 'integer',
};
const CASE_COLUMNS: Columns = {
  id: 'uuid',
  number: 'text',
  table_id: 'uuid',
  registration_id: 'uuid',
  state: 'text',
  opened_at: 'timestamptz',
  closed_at: 'timestamptz',
  responsible_organisation_id: 'uuid',
  procesregisseur_id: 'uuid',
  casusregisseur_id: 'uuid',
  reason: 'text',
  goal: 'text',
  handover_to: 'text',
  handover_data: 'text',
  updated_at: 'timestamptz',
  version: 'integer',
};
const PARTICIPANT_COLUMNS: Columns = {
  case_id: 'uuid',
  organisation_id: 'uuid',
  basis: 'text',
  since: 'timestamptz',
  added_by: 'uuid',
};
const CASE_PERSON_COLUMNS: Columns = {
  case_id: 'uuid',
  person_id: 'uuid',
  role: 'text',
  position: 'integer',
  owner_organisation_id: 'uuid',
};
const REQUEST_COLUMNS: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  to_organisation_id: 'uuid',
  question: 'text',
  categories: 'text[]',
  due_at: 'date',
  state: 'text',
  requested_by: 'uuid',
  requested_at: 'timestamptz',
  answered_at: 'timestamptz',
  answered_by: 'uuid',
  decline_reason: 'text',
};
const ITEM_COLUMNS: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  category: 'text',
  sensitivity: 'text',
  title: 'text',
  body: 'text',
  legal_ground: 'text',
  author_organisation_id: 'uuid',
  author_id: 'uuid',
  information_request_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const DISCLOSURE_COLUMNS: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  from_organisation_id: 'uuid',
  to_organisation_id: 'uuid',
  item_ids: 'uuid[]',
  categories: 'text[]',
  purpose: 'text',
  legal_ground: 'text',
  legal_reference: 'text',
  state: 'text',
  proposed_by: 'uuid',
  proposed_at: 'timestamptz',
  decided_by: 'uuid',
  decided_at: 'timestamptz',
  revoked_by: 'uuid',
  revoked_at: 'timestamptz',
  revoke_reason: 'text',
  consent_id: 'uuid',
};
const CONSENT_COLUMNS: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  person_id: 'uuid',
  kind: 'text',
  scope_organisation_ids: 'uuid[]',
  scope_categories: 'text[]',
  purpose: 'text',
  given_by: 'text',
  form: 'text',
  evidence_type: 'text',
  evidence_item_id: 'uuid',
  given_at: 'date',
  recorded_by: 'uuid',
  recorded_organisation_id: 'uuid',
  recorded_at: 'timestamptz',
  withdrawn_at: 'timestamptz',
  withdrawn_by: 'uuid',
  withdrawal_note: 'text',
  version: 'integer',
};
const INFORMING_COLUMNS: Columns = {
  id: 'uuid',
  case_id: 'uuid',
  seq: 'integer',
  status: 'text',
  reason_code: 'text',
  reason: 'text',
  review_at: 'date',
  set_by: 'uuid',
  set_organisation_id: 'uuid',
  set_at: 'timestamptz',
};
const MENSENHANDEL_COLUMNS: Columns = {
  case_id: 'uuid',
  forms: 'text[]',
  victim_status: 'text',
  comensha_reported: 'boolean',
  comensha_reported_at: 'date',
  comensha_reference: 'text',
  comensha_dossier_type: 'text',
  exploitation_owner_id: 'uuid',
  b8_offered_at: 'date',
  b8_accepted_at: 'date',
  aangifte: 'text',
  permit_status: 'text',
  b8_owner_id: 'uuid',
  shelter_type: 'text',
  shelter_placed_at: 'date',
  shelter_placed_via: 'text',
  shelter_organisation_id: 'uuid',
  shelter_address_enc: 'bytea',
  shelter_owner_id: 'uuid',
  updated_at: 'timestamptz',
  version: 'integer',
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
