import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestDatabase } from '@casustafel/api/testing';
import type {
  CaseConsentsDto,
  CaseDetailDto,
  CaseInformingDto,
  CaseTableDto,
  InformingReviewDto,
  ProblemDetails,
  RegistrationDto,
} from '@casustafel/shared/contracts';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The consent register and the informing status (issue 5 parts 1 and 2, DOMAIN.md §2.3, §2.5,
 * scenario 10) over HTTP against real PostgreSQL: a disclosure may cite a recorded consent that
 * covers it; withdrawing the consent (now, never backdated) closes what was shared under it on the
 * recipient's very next request, and nothing else; deferring informing needs a reason and a review
 * date, is audited with its code, and reminds the manager on that date.
 */
describe('consent register and informing the person', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let caseId: string;
  let otherCaseId: string;
  let personId: string;

  async function newCase(registrant: Party, givenName: string): Promise<string> {
    const tables = await registrant.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body[0];
    const registration = await registrant.agent.post<RegistrationDto>('/api/registrations', {
      tableId: table.id,
      reason: 'Signalen van uitbuiting (fictief).',
      goal: 'Hulp en veiligheid.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg en veiligheid.',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: [
        { givenName, familyName: 'Toestemming (fictief)', dateOfBirth: '2003-04-05', role: 'SLACHTOFFER' },
      ],
      proposedParticipants: [
        { organisationId: p.ggz.organisationId },
        { organisationId: p.zorgcoordinatie.organisationId },
      ],
      submit: true,
    });
    expect(registration.status).toBe(201);
    const started = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/start`,
    );
    const decided = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/decision`,
      {
        outcome: 'ZVH_TABLE',
        advice: '',
        version: started.body.version,
      },
    );
    return decided.body.triage?.caseId as string;
  }

  const consentBody = () => ({
    personId,
    kind: 'BEROEPSGEHEIM_DOORBREKING',
    scopeOrganisationIds: [p.zorgcoordinatie.organisationId],
    scopeCategories: ['C4'],
    purpose: 'Afstemming van zorg en opvang met de zorgcoördinator (fictief).',
    givenBy: 'BETROKKENE',
    form: 'SCHRIFTELIJK',
    evidenceType: 'FORMULIER_GETEKEND',
    givenAt: clock.today(),
  });

  const consents = async (party: Party, id = caseId) =>
    (await party.agent.get<CaseConsentsDto>(`/api/cases/${id}/consents`)).body;
  const itemOf = async (party: Party, itemId: string) =>
    (await party.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.items.find((i) => i.id === itemId);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        voorzitter: { partnerType: 'ZVH', roles: ['VOORZITTER'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
        zorgcoordinatie: { partnerType: 'ZORGCOORDINATOR', roles: ['ZORGCOORDINATOR'] },
      },
    });
    p = world.parties;
    // The voorzitter works for the same ZVH as the procesregisseur.
    await factory.client.query(`update app_user set organisation_id = $1 where id = $2`, [
      p.zvh.organisationId,
      p.voorzitter.userId,
    ]);
    caseId = await newCase(p.politie, 'Lotte');
    otherCaseId = await newCase(p.politie, 'Mila');
    personId = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.persons[0].id;
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  describe('the consent register', () => {
    let consentId: string;
    let noteUnderConsent: string;
    let noteOnOtherGround: string;
    let underConsent: string;
    let proposedUnderConsent: string;

    it('recording a consent without scope or evidence type is refused, naming the fields', async () => {
      const incomplete: Record<string, unknown> = consentBody();
      for (const field of ['scopeOrganisationIds', 'scopeCategories', 'evidenceType']) {
        delete incomplete[field];
      }
      const refused = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/consents`, incomplete);
      expect(refused.status).toBe(400);
      expect([...new Set(refused.body.errors?.map((e) => e.field))].sort()).toEqual([
        'evidenceType',
        'scopeCategories',
        'scopeOrganisationIds',
      ]);
      const empty = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/consents`, {
        ...consentBody(),
        scopeOrganisationIds: [],
        scopeCategories: [],
      });
      expect(empty.body.errors?.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
        'scopeCategories:arrayMinSize',
        'scopeOrganisationIds:arrayMinSize',
      ]);
      const future = new Date(clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
      const ahead = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/consents`, {
        ...consentBody(),
        givenAt: future,
      });
      expect(ahead.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['givenAt:inTheFuture']);
      // A person of another case, an unknown organisation: named.
      const otherPerson = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${otherCaseId}`)).body.persons[0]
        .id;
      const mismatch = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/consents`, {
        ...consentBody(),
        personId: otherPerson,
        scopeOrganisationIds: [p.zorgcoordinatie.organisationId, '00000000-0000-4000-8000-000000000000'],
      });
      expect(mismatch.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'personId:notInCase',
        'scopeOrganisationIds[1]:unknownOrganisation',
      ]);
      // Only those who manage the case record a consent; to others the case is not there for this.
      expect((await p.ggz.agent.post(`/api/cases/${caseId}/consents`, consentBody())).status).toBe(404);
      expect((await consents(p.zvh)).consents).toEqual([]);
    });

    it('a recorded consent is visible to everyone who sees the case, with its scope', async () => {
      const recorded = await p.zvh.agent.post<{ id: string }>(`/api/cases/${caseId}/consents`, consentBody());
      expect(recorded.status).toBe(201);
      consentId = recorded.body.id;
      const seen = await consents(p.ggz);
      expect(seen.canRecord).toBe(false);
      expect(seen.consents).toEqual([
        expect.objectContaining({
          id: consentId,
          personId,
          kind: 'BEROEPSGEHEIM_DOORBREKING',
          status: 'ACTIVE',
          scope: {
            organisations: [expect.objectContaining({ id: p.zorgcoordinatie.organisationId })],
            categories: ['C4'],
          },
          evidenceType: 'FORMULIER_GETEKEND',
          recordedOrganisation: expect.objectContaining({ id: p.zvh.organisationId }),
          withdrawnAt: null,
          canWithdraw: false,
          version: 1,
        }),
      ]);
      expect((await consents(p.zvh)).canRecord).toBe(true);
      expect((await p.zvh.agent.get(`/api/cases/${otherCaseId}/consents`)).body).toEqual({
        consents: [],
        canRecord: true,
      });
      const { rows } = await factory.client.query(
        `select details from audit_event where action = 'consent.record' and object_id = $1 and data_subject_id is null`,
        [consentId],
      );
      expect(rows[0].details).toMatchObject({
        caseId,
        kind: 'BEROEPSGEHEIM_DOORBREKING',
        categories: ['C4'],
      });
      expect(JSON.stringify(rows[0].details)).not.toContain('Afstemming');
    });

    it('a disclosure under the consent opens the item for the recipient; one outside its scope is refused', async () => {
      const note = (title: string) =>
        p.ggz.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
          category: 'C4',
          sensitivity: 'NORMAAL',
          title,
          body: `${title}: inhoud (fictief).`,
          legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        });
      noteUnderConsent = (await note('Behandelnotitie onder toestemming (fictief)')).body.id;
      noteOnOtherGround = (await note('Behandelnotitie andere grondslag (fictief)')).body.id;
      const disclose = (body: Record<string, unknown>) =>
        p.ggz.agent.post<ProblemDetails & { id: string }>(`/api/cases/${caseId}/disclosures`, {
          toOrganisationId: p.zorgcoordinatie.organisationId,
          itemIds: [noteUnderConsent],
          categories: [],
          purpose: 'Afstemming zorg en opvang',
          legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
          legalReference: '',
          consentId,
          ...body,
        });

      const wrongRecipient = await disclose({ toOrganisationId: p.politie.organisationId });
      expect(wrongRecipient.status).toBe(400);
      expect(wrongRecipient.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'consentId:recipientNotInScope',
      ]);
      const wrongCategory = await disclose({ itemIds: [], categories: ['C12'] });
      expect(wrongCategory.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'consentId:categoriesNotInScope',
      ]);
      // A consent of another case is no consent of this one.
      const elsewhere = await p.zvh.agent.post<{ id: string }>(`/api/cases/${otherCaseId}/consents`, {
        ...consentBody(),
        personId: (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${otherCaseId}`)).body.persons[0].id,
      });
      const ofOtherCase = await disclose({ consentId: elsewhere.body.id });
      expect(ofOtherCase.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'consentId:unknownConsent',
      ]);
      // Agreement with the plan is no consent to share data.
      const agreement = await p.zvh.agent.post<{ id: string }>(`/api/cases/${caseId}/consents`, {
        ...consentBody(),
        kind: 'INSTEMMING_AANPAK',
      });
      const notForSharing = await disclose({ consentId: agreement.body.id });
      expect(notForSharing.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'consentId:consentNotForSharing',
      ]);

      const proposed = await disclose({});
      expect(proposed.status).toBe(201);
      underConsent = proposed.body.id;
      const otherGround = await disclose({
        itemIds: [noteOnOtherGround],
        legalGround: 'CONFLICT_VAN_PLICHTEN',
        legalReference: 'Acuut gevaar (fictief)',
        consentId: null,
      });
      expect(otherGround.status).toBe(201);
      // A third one under the consent stays proposed until after the withdrawal.
      proposedUnderConsent = (await disclose({})).body.id;
      for (const id of [underConsent, otherGround.body.id]) {
        expect((await p.voorzitter.agent.post(`/api/cases/${caseId}/disclosures/${id}/approve`)).status).toBe(
          204,
        );
      }

      expect(await itemOf(p.zorgcoordinatie, noteUnderConsent)).toMatchObject({
        visibility: 'FULL',
        grantedBy: 'DISCLOSURE',
      });
      expect(await itemOf(p.zorgcoordinatie, noteOnOtherGround)).toMatchObject({
        visibility: 'FULL',
        grantedBy: 'DISCLOSURE',
      });
      expect((await consents(p.zvh)).consents.find((k) => k.id === consentId)?.disclosureIds).toEqual([
        underConsent,
        proposedUnderConsent,
      ]);
      // The recipient sees the disclosure to it; the police none of them.
      expect(
        (await consents(p.zorgcoordinatie)).consents.find((k) => k.id === consentId)?.disclosureIds,
      ).toEqual([underConsent, proposedUnderConsent]);
      expect((await consents(p.politie)).consents.find((k) => k.id === consentId)?.disclosureIds).toEqual([]);
    });

    it('a withdrawal cannot be backdated: it takes effect now, and a body naming a moment is refused', async () => {
      const url = `/api/cases/${caseId}/consents/${consentId}/withdraw`;
      const yesterday = new Date(clock.now().getTime() - DAY).toISOString();
      const backdated = await p.zvh.agent.post<ProblemDetails>(url, { version: 1, withdrawnAt: yesterday });
      expect(backdated.status).toBe(400);
      expect(backdated.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'withdrawnAt:whitelistValidation',
      ]);
      // A writer of another organisation than the one that recorded it may not withdraw it.
      expect((await p.ggz.agent.post(url, { version: 1 })).status).toBe(404);
      expect((await p.zvh.agent.post(url, { version: 2 })).status).toBe(409);

      const before = clock.now().getTime();
      const withdrawn = await p.zvh.agent.post(url, {
        version: 1,
        note: 'Betrokkene trok de toestemming mondeling in (fictief).',
      });
      expect(withdrawn.status).toBe(204);
      const after = clock.now().getTime();
      const consent = (await consents(p.ggz)).consents.find((k) => k.id === consentId);
      expect(consent).toMatchObject({
        status: 'WITHDRAWN',
        withdrawnBy: 'zvh (fictief)',
        version: 2,
        canWithdraw: false,
      });
      const at = new Date(consent?.withdrawnAt as string).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(after + 1000);
      expect((await p.zvh.agent.post<ProblemDetails>(url, { version: 2 })).body.type).toBe(
        'urn:casustafel:problem:consent.withdrawn',
      );
      // Not even the schema owner moves the moment afterwards: a withdrawal is final.
      await expect(
        factory.client.query(
          `update consent_record set withdrawn_at = withdrawn_at - interval '1 day' where id = $1`,
          [consentId],
        ),
      ).rejects.toThrow(/can only be withdrawn, once/);

      const { rows } = await factory.client.query(
        `select details from audit_event where action = 'consent.withdraw' and object_id = $1 and data_subject_id is null`,
        [consentId],
      );
      expect(rows).toEqual([
        { details: { caseId, kind: 'BEROEPSGEHEIM_DOORBREKING', lapsedDisclosures: 1 } },
      ]);
      // One record for the person the consent is about, under their pseudonym.
      const subject = await factory.client.query(
        `select e.data_subject_id_type, e.details from audit_event e join consent_record k on k.id::text = e.object_id
           join person p on p.id = k.person_id
          where e.action = 'consent.withdraw' and e.object_id = $1 and e.data_subject_id = p.pseudonym`,
        [consentId],
      );
      expect(subject.rows).toEqual([{ data_subject_id_type: 'CST_PSEUDONYM', details: {} }]);
    });

    it("after the withdrawal the recipient's very next request no longer shows the item; the other ground still does", async () => {
      expect(await itemOf(p.zorgcoordinatie, noteUnderConsent)).toEqual(
        expect.objectContaining({ visibility: 'SUMMARY', summary: 'ZORGPARTNER_BETROKKEN' }),
      );
      const detail = (await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
      expect(JSON.stringify(detail)).not.toContain('Behandelnotitie onder toestemming');
      expect(await itemOf(p.zorgcoordinatie, noteOnOtherGround)).toMatchObject({
        visibility: 'FULL',
        grantedBy: 'DISCLOSURE',
      });
      // The disclosure itself stays on record (approved, cited consent withdrawn: lapsed).
      expect(detail.disclosures.find((d) => d.id === underConsent)?.state).toBe('APPROVED');
    });

    it('a new disclosure under the withdrawn consent is refused, and a proposed one cannot be approved', async () => {
      const refused = await p.ggz.agent.post<ProblemDetails>(`/api/cases/${caseId}/disclosures`, {
        toOrganisationId: p.zorgcoordinatie.organisationId,
        itemIds: [noteUnderConsent],
        categories: [],
        purpose: 'Afstemming zorg',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        legalReference: '',
        consentId,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['consentId:consentWithdrawn']);
      const approve = await p.voorzitter.agent.post<ProblemDetails>(
        `/api/cases/${caseId}/disclosures/${proposedUnderConsent}/approve`,
      );
      expect(approve.status).toBe(409);
      expect(approve.body.type).toBe('urn:casustafel:problem:disclosure.consent_withdrawn');
    });
  });

  describe('informing the person (scenario 10)', () => {
    const tomorrow = () => new Date(clock.now().getTime() + DAY).toISOString().slice(0, 10);

    it('deferring needs a reason and a review date from today on; only a manager sets it', async () => {
      const url = `/api/cases/${caseId}/informing`;
      const empty = await p.zvh.agent.get<CaseInformingDto>(url);
      expect(empty.body).toEqual({
        current: null,
        history: [],
        version: 0,
        reviewDue: false,
        canChange: true,
      });
      const missing = await p.zvh.agent.put<ProblemDetails>(url, { status: 'DEFERRED', version: 0 });
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'reasonCode:reasonCodeRequired',
        'reviewAt:reviewDateRequired',
      ]);
      const past = await p.zvh.agent.put<ProblemDetails>(url, {
        status: 'DEFERRED',
        reasonCode: 'AVG_23_OPSPORING',
        reviewAt: '2020-01-01',
        version: 0,
      });
      expect(past.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'reasonCode:notForStatus',
        'reviewAt:inThePast',
      ]);
      const other = await p.zvh.agent.put<ProblemDetails>(url, {
        status: 'DEFERRED',
        reasonCode: 'ANDERS',
        reviewAt: tomorrow(),
        version: 0,
      });
      expect(other.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['reason:reasonRequired']);
      const informed = await p.zvh.agent.put<ProblemDetails>(url, {
        status: 'INFORMED',
        reviewAt: tomorrow(),
        version: 0,
      });
      expect(informed.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['reviewAt:onlyWhenDeferred']);
      expect((await p.ggz.agent.put(url, { status: 'INFORMED', version: 0 })).status).toBe(404);
      expect((await p.ggz.agent.get<CaseInformingDto>(url)).body.canChange).toBe(false);
    });

    it('the procesregisseur defers informing because of a running investigation; the change is audited with its code', async () => {
      const url = `/api/cases/${caseId}/informing`;
      const reviewAt = tomorrow();
      const set = await p.zvh.agent.put<CaseInformingDto>(url, {
        status: 'DEFERRED',
        reasonCode: 'LOPEND_ONDERZOEK',
        reason: 'De politie onderzoekt de uitbuiter; informeren schaadt het onderzoek (fictief).',
        reviewAt,
        version: 0,
      });
      expect(set.status).toBe(200);
      expect(set.body.current).toMatchObject({
        status: 'DEFERRED',
        reasonCode: 'LOPEND_ONDERZOEK',
        reviewAt,
        setBy: 'zvh (fictief)',
        version: 1,
      });
      expect(set.body.reviewDue).toBe(false);
      const stale = await p.voorzitter.agent.put(url, { status: 'INFORMED', version: 0 });
      expect(stale.status).toBe(409);
      // Everyone who sees the case reads it (they must not inform the person themselves).
      const ggz = await p.ggz.agent.get<CaseInformingDto>(url);
      expect(ggz.body.history.map((h) => [h.status, h.reasonCode])).toEqual([
        ['DEFERRED', 'LOPEND_ONDERZOEK'],
      ]);

      const { rows } = await factory.client.query(
        `select details from audit_event where action = 'case.informing.set' and object_id = $1 and data_subject_id is null`,
        [caseId],
      );
      expect(rows).toEqual([
        {
          details: {
            status: 'DEFERRED',
            reasonCode: 'LOPEND_ONDERZOEK',
            reviewAt,
            previous: null,
            version: 1,
          },
        },
      ]);
      const reads = await factory.client.query(
        `select count(*) from audit_event where action = 'case.informing.read' and object_id = $1 and actor_user_id = $2
           and data_subject_id is null`,
        [caseId, p.ggz.userId],
      );
      expect(Number(reads.rows[0].count)).toBe(2);
    });

    it('the reminder: reviews-due lists the case on the review date, not before; only for those who manage it', async () => {
      expect((await p.zvh.agent.get<InformingReviewDto[]>('/api/informing/reviews-due')).body).toEqual([]);
      const reviewAt = tomorrow();
      clock.advance(DAY);
      // A day later every session has ended: sign in again.
      const zvh = await signIn(app, p.zvh.email);
      const ggz = await signIn(app, p.ggz.email);
      const due = await zvh.get<InformingReviewDto[]>('/api/informing/reviews-due');
      expect(due.status).toBe(200);
      expect(due.body).toEqual([
        {
          caseId,
          caseNumber: expect.any(String),
          tableName: expect.any(String),
          reasonCode: 'LOPEND_ONDERZOEK',
          reviewAt,
          overdue: false,
        },
      ]);
      expect(JSON.stringify(due.body)).not.toContain('onderzoekt');
      expect((await zvh.get<CaseInformingDto>(`/api/cases/${caseId}/informing`)).body.reviewDue).toBe(true);
      expect((await ggz.get<InformingReviewDto[]>('/api/informing/reviews-due')).body).toEqual([]);
      const { rows } = await factory.client.query(
        `select details from audit_event where action = 'case.informing.reviews' and actor_user_id = $1
          and data_subject_id is null order by seq desc limit 1`,
        [p.zvh.userId],
      );
      expect(rows[0].details).toEqual({ returned: [caseId] });

      clock.advance(DAY);
      const later = await signIn(app, p.zvh.email);
      expect((await later.get<InformingReviewDto[]>('/api/informing/reviews-due')).body).toEqual([
        expect.objectContaining({ caseId, overdue: true }),
      ]);
    });
  });
});
