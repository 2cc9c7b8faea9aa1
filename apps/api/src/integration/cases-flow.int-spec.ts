import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import type {
  CaseDetailDto,
  CaseListResponse,
  CaseTableDto,
  InformationRequestOverviewDto,
  ProblemDetails,
  RegistrationDto,
} from '@casustafel/shared/contracts';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

/**
 * The main path of issue 4 against real PostgreSQL: a wijkagent registers, triage creates a case,
 * partners add items, and each organisation sees exactly what the policy grants.
 */
describe('registration, triage and need-to-know in a case', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let tableId: string;
  let p: Record<string, Party>;

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
        om: { partnerType: 'OM', membership: 'DECLINED', roles: ['DEELNEMER'] },
        comensha: { partnerType: 'COMENSHA', membership: 'GUEST', roles: ['DEELNEMER'] },
        gemeente: { partnerType: 'GEMEENTE_SOCIAAL_DOMEIN', roles: ['DEELNEMER'] },
      },
    });
    tableId = world.tableId;
    p = world.parties;
    // The voorzitter belongs to the same ZVH organisation as the procesregisseur in real life; here
    // a second ZVH organisation would not take part, so add the voorzitter's role to the first.
    await factory.client.query(`update app_user set organisation_id = $1 where id = $2`, [p.zvh.organisationId, p.voorzitter.userId]);
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  let registration: RegistrationDto;
  let caseId: string;

  it('the wijkagent registers a young woman; not discussing it beforehand needs a reason', async () => {
    const tables = await p.politie.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body.find((t) => t.id === tableId) as CaseTableDto;
    expect(table.signals.length).toBeGreaterThan(5);
    const base = {
      tableId,
      reason: 'Signalen van seksuele uitbuiting bij een jonge vrouw (fictief).',
      goal: 'Veiligheid en hulp organiseren.',
      discussedWithPerson: false,
      criteria: { multipleDomains: true, crossChain: true, systemAffected: false, localSafetyProblem: false, motivation: 'Zorg en veiligheid.' },
      signals: [{ signalId: table.signals.find((s) => s.form === 'SEKSUEEL')?.id as string }],
      persons: [{ givenName: 'Anna', familyName: 'Fictief', dateOfBirth: '2006-03-14', bsn: '111222333', role: 'SLACHTOFFER' }],
      proposedParticipants: [{ organisationId: p.zorgcoordinatie.organisationId }, { organisationId: p.ggz.organisationId }],
      submit: true,
    };
    const refused = await p.politie.agent.post<ProblemDetails>('/api/registrations', base);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['notDiscussedReason']);
    const badBsn = await p.politie.agent.post<ProblemDetails>('/api/registrations', {
      ...base,
      notDiscussedReason: 'Lopend opsporingsonderzoek.',
      persons: [{ ...base.persons[0], bsn: '123456789' }],
    });
    expect(badBsn.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['persons[0].bsn:invalidBsn']);

    const created = await p.politie.agent.post<RegistrationDto>('/api/registrations', {
      ...base,
      notDiscussedReason: 'Lopend opsporingsonderzoek.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'AANGEMELD', discussedWithPerson: false });
    expect(created.body.number).toMatch(/^A-\d{4}-\d{4}$/);
    registration = created.body;

    // The BSN is stored sealed, with a keyed hash; never in clear.
    const { rows } = await factory.client.query('select bsn_enc, bsn_hash from person where family_name = $1', ['Fictief']);
    expect(rows[0].bsn_enc.toString('latin1')).not.toContain('111222333');
    expect(rows[0].bsn_hash).toHaveLength(32);
  });

  it('others cannot see the registration; triage can', async () => {
    expect((await p.ggz.agent.get(`/api/registrations/${registration.id}`)).status).toBe(404);
    const board = await p.zvh.agent.get<RegistrationDto[]>('/api/triage/registrations');
    expect(board.body.map((r) => r.id)).toContain(registration.id);
    expect((await p.politie.agent.get('/api/triage/registrations')).status).toBe(404);
  });

  it('triage decides: to the table; a case is created with the proposed partners, not the declined OM', async () => {
    const started = await p.zvh.agent.post<RegistrationDto>(`/api/triage/registrations/${registration.id}/start`);
    expect(started.body.state).toBe('IN_TRIAGE');
    const decided = await p.zvh.agent.post<RegistrationDto>(`/api/triage/registrations/${registration.id}/decision`, {
      outcome: 'ZVH_TABLE',
      advice: '',
      version: started.body.version,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.state).toBe('CASE_CREATED');
    caseId = decided.body.triage?.caseId as string;
    expect(caseId).toBeTruthy();

    const detail = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.state).toBe('INFORMATIEVERZAMELING');
    expect(detail.body.participants.map((x) => x.organisation.id).sort()).toEqual(
      [p.zvh.organisationId, p.politie.organisationId, p.zorgcoordinatie.organisationId, p.ggz.organisationId].sort(),
    );
    expect(detail.body.mensenhandel?.exploitation).toMatchObject({ visibility: 'FULL', forms: ['SEKSUEEL'] });
    // The registrant reads the outcome on its registration.
    const mine = await p.politie.agent.get<RegistrationDto>(`/api/registrations/${registration.id}`);
    expect(mine.body.triage).toMatchObject({ outcome: 'ZVH_TABLE' });
  });

  it('the OM (declined) and a non-participant see nothing: 404, like a case that does not exist', async () => {
    for (const party of [p.om, p.comensha, p.gemeente]) {
      const res = await party.agent.get<ProblemDetails>(`/api/cases/${caseId}`);
      expect(res.status).toBe(404);
    }
    // The OM declined the covenant of this table, so it holds no role here at all: no case list.
    expect((await p.om.agent.get('/api/cases')).status).toBe(404);
    for (const party of [p.comensha, p.gemeente]) {
      const list = await party.agent.get<CaseListResponse>('/api/cases');
      expect(list.status).toBe(200);
      expect(list.body.items.map((c) => c.id)).not.toContain(caseId);
    }
    const ghost = await p.politie.agent.get<ProblemDetails>('/api/cases/00000000-0000-4000-8000-000000000000');
    expect(ghost.status).toBe(404);
  });

  it('the GGZ note is full for GGZ, a summary for the police (scenario 5 and 6)', async () => {
    const note = await p.ggz.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C4',
      sensitivity: 'NORMAAL',
      title: 'Behandelnotitie (fictief)',
      body: 'Diagnose en behandelplan (fictief).',
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
    });
    expect(note.status).toBe(201);
    const police = await p.politie.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C5',
      sensitivity: 'NORMAAL',
      title: 'Politie-informatie (fictief)',
      body: 'Registraties in BVH (fictief).',
    });
    expect(police.status).toBe(201);

    const ggzView = await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(ggzView.body.items.find((i) => i.id === note.body.id)).toMatchObject({ visibility: 'FULL', grantedBy: 'OWN' });
    const policeView = await p.politie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    const summarised = policeView.body.items.find((i) => i.id === note.body.id);
    // DOMAIN.md b.4: politie has '-' for C4; the default matrix shows nothing at all.
    expect(summarised).toBeUndefined();
    expect(policeView.body.items.find((i) => i.id === police.body.id)).toMatchObject({ visibility: 'FULL' });
    expect(JSON.stringify(policeView.body)).not.toContain('Diagnose en behandelplan');
    // The zorgcoördinator sees a summary flag of the GGZ note (S in the matrix) and the identification.
    const zc = await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(zc.body.items.find((i) => i.id === note.body.id)).toEqual({
      visibility: 'SUMMARY',
      id: note.body.id,
      category: 'C4',
      summary: 'ZORGPARTNER_BETROKKEN',
      authorOrganisation: expect.objectContaining({ id: p.ggz.organisationId }),
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(zc.body)).not.toContain('Diagnose');
    expect(zc.body.persons[0]).toMatchObject({ visibility: 'FULL', givenName: 'Anna', bsn: null });
    // The police may see the BSN (C1B: F).
    expect(policeView.body.persons[0]).toMatchObject({ bsn: '111222333' });
  });

  it('items and the case core are edited with optimistic locking; blank text is a 400 naming the field', async () => {
    const ggzView = (await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
    const note = ggzView.items.find((i) => i.category === 'C4' && i.visibility === 'FULL') as { id: string; version: number };
    const edit = { category: 'C4', sensitivity: 'NORMAAL', title: 'Behandelnotitie (fictief)', body: 'Diagnose en behandelplan (fictief), bijgewerkt.', legalGround: 'BEROEPSGEHEIM_TOESTEMMING' };
    const blank = await p.ggz.agent.put<ProblemDetails>(`/api/cases/${caseId}/items/${note.id}`, { ...edit, title: '   ', version: note.version });
    expect(blank.status).toBe(400);
    expect(blank.body.errors?.map((e) => e.field)).toEqual(['title']);
    const first = await p.ggz.agent.put<{ version: number }>(`/api/cases/${caseId}/items/${note.id}`, { ...edit, version: note.version });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(note.version + 1);
    const second = await p.ggz.agent.put<ProblemDetails>(`/api/cases/${caseId}/items/${note.id}`, { ...edit, body: 'Overschreven?', version: note.version });
    expect(second.status).toBe(409);
    // Another organisation cannot edit it, even knowing the id: not found.
    expect((await p.politie.agent.put(`/api/cases/${caseId}/items/${note.id}`, { ...edit, version: first.body.version })).status).toBe(404);
    const reread = (await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.items.find((i) => i.id === note.id);
    expect(reread).toMatchObject({ body: 'Diagnose en behandelplan (fictief), bijgewerkt.' });

    const managed = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
    const core = { reason: 'Signalen van uitbuiting (fictief).', goal: 'Veiligheid en hulp.', casusregisseurId: p.zorgcoordinatie.userId };
    expect((await p.ggz.agent.put(`/api/cases/${caseId}`, { ...core, version: managed.version })).status).toBe(404);
    const outsider = await p.zvh.agent.put<ProblemDetails>(`/api/cases/${caseId}`, { ...core, casusregisseurId: p.om.userId, version: managed.version });
    expect(outsider.body.errors?.map((e) => e.field)).toEqual(['casusregisseurId']);
    const updated = await p.zvh.agent.put<CaseDetailDto>(`/api/cases/${caseId}`, { ...core, version: managed.version });
    expect(updated.status).toBe(200);
    expect(updated.body.casusregisseur).toEqual({ id: p.zorgcoordinatie.userId, name: 'zorgcoordinatie (fictief)' });
    expect((await p.zvh.agent.put(`/api/cases/${caseId}`, { ...core, version: managed.version })).status).toBe(409);
  });

  it('attachments: own items only; a forbidden type or size is refused before anything is stored; downloads follow the policy', async () => {
    const ggzView = (await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
    const note = ggzView.items.find((i) => i.category === 'C4' && i.visibility === 'FULL') as { id: string };
    const url = `/api/cases/${caseId}/items/${note.id}/attachments`;
    const pdf = Buffer.from('%PDF-1.7\n% fictief verslag\n%%EOF\n');
    const stored = async () =>
      Number((await factory.client.query('select count(*) from case_item_attachment')).rows[0].count);
    const before = await stored();

    const html = await upload(p.ggz.agent, url, 'verslag.html', 'text/html', Buffer.from('<script>x</script>'));
    expect(html.status).toBe(400);
    expect(html.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'fileTypeNotAllowed' })]);
    // A declared PDF that is not one is refused as well.
    const fake = await upload(p.ggz.agent, url, 'verslag.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(fake.body.errors?.map((e) => e.code)).toEqual(['fileTypeNotAllowed']);
    const big = await upload(p.ggz.agent, url, 'groot.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(400);
    expect(big.body.errors?.map((e) => e.code)).toEqual(['fileTooLarge']);
    expect(await stored()).toBe(before);
    // Someone else's item: not found, nothing stored.
    expect((await upload(p.politie.agent, url, 'verslag.pdf', 'application/pdf', pdf)).status).toBe(404);
    expect(await stored()).toBe(before);

    const ok = await upload(p.ggz.agent, url, 'verslag.pdf', 'application/pdf', pdf);
    expect(ok.status).toBe(201);
    const download = `${url}/${(ok.body as unknown as { id: string }).id}`;
    const own = await p.ggz.agent.get(download);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.text).toContain('fictief verslag');
    // The police may not see the note, so not its file either; the zorgcoördinator sees only a summary.
    expect((await p.politie.agent.get(download)).status).toBe(404);
    expect((await p.zorgcoordinatie.agent.get(download)).status).toBe(404);
    const denied = await factory.client.query(
      `select count(*) from audit_event where action = 'case.attachment.download' and outcome = 'DENIED' and actor_user_id = $1
         and data_subject_id is null`,
      [p.politie.userId],
    );
    expect(Number(denied.rows[0].count)).toBe(1);
  });

  it('a disclosure opens the note for the zorgcoördinator, after four-eyes approval; revoking closes it again', async () => {
    const items = (await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.items;
    const note = items.find((i) => i.category === 'C4') as { id: string };
    const missingGround = await p.ggz.agent.post<ProblemDetails>(`/api/cases/${caseId}/disclosures`, {
      toOrganisationId: p.zorgcoordinatie.organisationId,
      itemIds: [note.id],
      categories: [],
      purpose: 'Afstemming zorg',
      legalGround: 'OTHER',
      legalReference: '',
    });
    expect(missingGround.status).toBe(400);
    expect(missingGround.body.errors?.map((e) => e.field)).toEqual(['legalReference']);

    const proposed = await p.ggz.agent.post<{ id: string }>(`/api/cases/${caseId}/disclosures`, {
      toOrganisationId: p.zorgcoordinatie.organisationId,
      itemIds: [note.id],
      categories: [],
      purpose: 'Afstemming zorg en opvang',
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
      legalReference: 'Schriftelijke toestemming betrokkene (fictief)',
    });
    expect(proposed.status).toBe(201);
    const before = await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(before.body.items.find((i) => i.id === note.id)?.visibility).toBe('SUMMARY');

    // Only a manager approves, and not a GGZ user.
    expect((await p.ggz.agent.post(`/api/cases/${caseId}/disclosures/${proposed.body.id}/approve`)).status).toBe(404);
    expect((await p.zvh.agent.post(`/api/cases/${caseId}/disclosures/${proposed.body.id}/approve`)).status).toBe(204);

    const after = await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(after.body.items.find((i) => i.id === note.id)).toMatchObject({ visibility: 'FULL', grantedBy: 'DISCLOSURE' });

    expect(
      (await p.ggz.agent.post(`/api/cases/${caseId}/disclosures/${proposed.body.id}/revoke`, { reason: 'Toestemming ingetrokken' })).status,
    ).toBe(204);
    const revoked = await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(revoked.body.items.find((i) => i.id === note.id)?.visibility).toBe('SUMMARY');
  });

  it('an embargoed police item is invisible (not even summarised) outside the whitelist', async () => {
    const refused = await p.ggz.agent.post<ProblemDetails>(`/api/cases/${caseId}/items`, {
      category: 'C4',
      sensitivity: 'EMBARGO',
      title: 'x',
      body: 'x',
    });
    expect(refused.body.errors?.map((e) => e.code)).toEqual(['embargoNotAllowed']);
    const embargo = await p.politie.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C7',
      sensitivity: 'EMBARGO',
      title: 'Lopend onderzoek (fictief)',
      body: 'Verdachte X (fictief) wordt geobserveerd.',
    });
    for (const party of [p.zvh, p.ggz, p.zorgcoordinatie]) {
      const view = await party.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
      expect(view.body.items.map((i) => i.id)).not.toContain(embargo.body.id);
      expect(JSON.stringify(view.body)).not.toContain('geobserveerd');
    }
  });

  it('the shelter address: only the zorgcoördinator and the shelter organisation (scenario 16)', async () => {
    const version = (await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.mensenhandel?.version as number;
    const saved = await p.zorgcoordinatie.agent.put<CaseDetailDto>(`/api/cases/${caseId}/mensenhandel/shelter`, {
      type: 'COSM',
      placedAt: '2026-11-20',
      placedVia: 'COMENSHA',
      shelterOrganisationId: p.ggz.organisationId,
      address: 'Veilige Straat 1, Fictiefdorp',
      version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.mensenhandel?.shelter).toMatchObject({ visibility: 'FULL', address: 'Veilige Straat 1, Fictiefdorp' });
    const shelterOrg = await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(shelterOrg.body.mensenhandel?.shelter).toMatchObject({ visibility: 'FULL', address: 'Veilige Straat 1, Fictiefdorp' });
    for (const party of [p.politie, p.zvh]) {
      const view = await party.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
      expect(view.body.mensenhandel?.shelter).toEqual({ visibility: 'SUMMARY' });
      expect(JSON.stringify(view.body)).not.toContain('Veilige Straat');
    }
    const stale = await p.zorgcoordinatie.agent.put(`/api/cases/${caseId}/mensenhandel/shelter`, {
      type: 'COSM',
      placedAt: null,
      placedVia: null,
      shelterOrganisationId: null,
      address: null,
      version,
    });
    expect(stale.status).toBe(409);
    // The police cannot overwrite a part it cannot see.
    expect(
      (
        await p.politie.agent.put(`/api/cases/${caseId}/mensenhandel/shelter`, {
          type: 'OMM',
          placedAt: null,
          placedVia: null,
          shelterOrganisationId: null,
          address: null,
          version: version + 1,
        })
      ).status,
    ).toBe(404);

    // A C9 writer that is neither the zorgcoördinator nor the shelter organisation (here the police
    // as the part's owner) changes the placement details, but cannot move or erase the address.
    await factory.client.query('update case_mensenhandel set shelter_owner_id = $2 where case_id = $1', [caseId, p.politie.organisationId]);
    const owner = await p.politie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(owner.body.mensenhandel?.shelter).toMatchObject({ visibility: 'FULL', address: null });
    const moved = await p.politie.agent.put<CaseDetailDto>(`/api/cases/${caseId}/mensenhandel/shelter`, {
      type: 'OMM',
      placedAt: '2026-11-21',
      placedVia: null,
      shelterOrganisationId: p.politie.organisationId,
      address: 'Andere Straat 2, Fictiefstad',
      version: owner.body.mensenhandel?.version,
    });
    expect(moved.status).toBe(200);
    expect(JSON.stringify(moved.body)).not.toContain('Veilige Straat');
    const kept = await p.zorgcoordinatie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(kept.body.mensenhandel?.shelter).toMatchObject({
      visibility: 'FULL',
      type: 'OMM',
      placedAt: '2026-11-21',
      address: 'Veilige Straat 1, Fictiefdorp',
      shelterOrganisation: { id: p.ggz.organisationId },
    });
    await factory.client.query('update case_mensenhandel set shelter_owner_id = $2 where case_id = $1', [caseId, p.zorgcoordinatie.organisationId]);
  });

  it('B8: the end date is three months after acceptance, with a warning in the last two weeks', async () => {
    const version = (await p.politie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.mensenhandel?.version as number;
    const today = clock.now().toISOString().slice(0, 10);
    const accepted = new Date(`${today}T00:00:00Z`);
    accepted.setUTCMonth(accepted.getUTCMonth() - 3);
    accepted.setUTCDate(accepted.getUTCDate() + 10);
    const res = await p.politie.agent.put<CaseDetailDto>(`/api/cases/${caseId}/mensenhandel/b8`, {
      offeredAt: accepted.toISOString().slice(0, 10),
      acceptedAt: accepted.toISOString().slice(0, 10),
      aangifte: 'JA',
      permitStatus: 'AANGEVRAAGD',
      version,
    });
    expect(res.status).toBe(200);
    expect(res.body.mensenhandel?.b8).toMatchObject({ visibility: 'FULL', endingSoon: true, aangifte: 'JA' });
  });

  it('state machine: illegal transitions are 409 saying why; the plan needs the chair', async () => {
    const detail = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
    const illegal = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/transitions`, {
      transition: 'AFSLUITEN',
      reason: 'klaar',
      version: detail.version,
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body.type).toBe('urn:casustafel:problem:case.illegal_transition');
    expect(illegal.body.detail).toContain('AFGESCHAALD');

    const agendered = await p.zvh.agent.post<CaseDetailDto>(`/api/cases/${caseId}/transitions`, {
      transition: 'AGENDEREN',
      reason: '',
      version: detail.version,
    });
    expect(agendered.body.state).toBe('GEAGENDEERD');
    const notChair = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/transitions`, {
      transition: 'PLAN_VASTSTELLEN',
      reason: 'besluit',
      version: agendered.body.version,
    });
    expect(notChair.body.type).toBe('urn:casustafel:problem:case.chair_decision_required');
    const stale = await p.voorzitter.agent.post(`/api/cases/${caseId}/transitions`, {
      transition: 'PLAN_VASTSTELLEN',
      reason: 'Plan van aanpak vastgesteld',
      version: detail.version,
    });
    expect(stale.status).toBe(409);
    const plan = await p.voorzitter.agent.post<CaseDetailDto>(`/api/cases/${caseId}/transitions`, {
      transition: 'PLAN_VASTSTELLEN',
      reason: 'Plan van aanpak vastgesteld',
      version: agendered.body.version,
    });
    expect(plan.body.state).toBe('IN_UITVOERING');
    const noHandover = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/transitions`, {
      transition: 'AFSCHALEN',
      reason: 'Stabiel',
      version: plan.body.version,
    });
    expect(noHandover.body.errors?.map((e) => e.field).sort()).toEqual(['handoverData', 'handoverTo']);
    // Non-managers cannot move a case at all.
    expect((await p.politie.agent.post(`/api/cases/${caseId}/transitions`, { transition: 'MONITOREN', reason: '', version: plan.body.version })).status).toBe(
      404,
    );
  });

  it('information requests: asked partner takes part, answers with an item; overdue is shown', async () => {
    const dueAt = clock.today();
    const created = await p.zvh.agent.post<{ id: string }>(`/api/cases/${caseId}/information-requests`, {
      toOrganisationId: p.gemeente.organisationId,
      question: 'Is betrokkene bekend bij het wijkteam?',
      categories: ['C2', 'C12'],
      dueAt,
    });
    expect(created.status).toBe(201);
    const gemeente = await p.gemeente.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(gemeente.status).toBe(200);
    expect(gemeente.body.informationRequests.map((r) => r.id)).toEqual([created.body.id]);
    // Two days later (moving the clock that far would also end every session of the test):
    await factory.client.query(`update information_request set due_at = due_at - 2 where id = $1`, [created.body.id]);
    const overdue = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(overdue.body.informationRequests.find((r) => r.id === created.body.id)?.overdue).toBe(true);
    // The dashboards: sent for the procesregisseur, received for the gemeente, nothing for others.
    const sent = await p.zvh.agent.get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(sent.body).toEqual([
      expect.objectContaining({ id: created.body.id, direction: 'SENT', caseId, overdue: true, categories: ['C2', 'C12'] }),
    ]);
    expect(JSON.stringify(sent.body)).not.toContain('wijkteam');
    const received = await p.gemeente.agent.get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(received.body.map((r) => [r.id, r.direction])).toEqual([[created.body.id, 'RECEIVED']]);
    expect((await p.politie.agent.get<InformationRequestOverviewDto[]>('/api/information-requests')).body).toEqual([]);
    const answer = await p.gemeente.agent.post(`/api/cases/${caseId}/items`, {
      category: 'C12',
      sensitivity: 'NORMAAL',
      title: 'Schulden (fictief)',
      body: 'Bekend bij schuldhulpverlening (fictief).',
      informationRequestId: created.body.id,
    });
    expect(answer.status).toBe(201);
    const done = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(done.body.informationRequests.find((r) => r.id === created.body.id)).toMatchObject({ state: 'ANSWERED', overdue: false });
  });

  it('the case list shows names only with identification visible, and search by number works', async () => {
    const list = await p.politie.agent.get<CaseListResponse>('/api/cases');
    expect(list.body.items.find((c) => c.id === caseId)?.persons).toEqual([{ role: 'SLACHTOFFER', name: 'Anna Fictief' }]);
    const number = list.body.items[0].number;
    const search = await p.politie.agent.get<CaseListResponse>(`/api/cases?q=${encodeURIComponent(number)}`);
    expect(search.body.items.map((c) => c.id)).toEqual([caseId]);
    const byName = await p.politie.agent.get<CaseListResponse>('/api/cases?q=anna');
    expect(byName.body.total).toBe(1);
    const { rows } = await factory.client.query(
      `select details from audit_event where action = 'case.search' and actor_user_id = $1 and data_subject_id is null
        order by seq desc limit 1`,
      [p.politie.userId],
    );
    expect(rows[0].details.returned).toEqual([caseId]);
    expect(JSON.stringify(rows[0].details)).not.toContain('anna');
  });

  it('the person index: a manager of another case with the same person sees table and procesregisseur, nothing else', async () => {
    const tables = await p.ggz.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body.find((t) => t.id === tableId) as CaseTableDto;
    const second = await p.ggz.agent.post<RegistrationDto>('/api/registrations', {
      tableId,
      reason: 'Zorgen over arbeidsomstandigheden (fictief).',
      goal: 'Afstemmen.',
      discussedWithPerson: true,
      criteria: { multipleDomains: true, crossChain: true, systemAffected: false, localSafetyProblem: false, motivation: 'Zorg.' },
      signals: [{ signalId: table.signals[0].id }],
      persons: [{ givenName: 'Anna', familyName: 'Fictief', dateOfBirth: '2006-03-14', bsn: '111222333', role: 'SLACHTOFFER' }],
      proposedParticipants: [],
      submit: true,
    });
    expect(second.status).toBe(201);
    const started = await p.zvh.agent.post<RegistrationDto>(`/api/triage/registrations/${second.body.id}/start`);
    const decided = await p.zvh.agent.post<RegistrationDto>(`/api/triage/registrations/${second.body.id}/decision`, {
      outcome: 'ZVH_TABLE',
      advice: '',
      version: started.body.version,
    });
    const otherCase = decided.body.triage?.caseId as string;
    const managed = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${otherCase}`);
    expect(managed.body.knownElsewhere).toEqual([
      expect.objectContaining({ personRef: managed.body.persons[0].id, procesregisseur: expect.any(String), since: expect.any(String) }),
    ]);
    expect(Object.keys(managed.body.knownElsewhere[0]).sort()).toEqual(['closedAt', 'personRef', 'procesregisseur', 'since', 'tableName']);
    expect(JSON.stringify(managed.body.knownElsewhere)).not.toContain(caseId);
    expect(managed.body.knownElsewhere[0].closedAt).toBeNull();
    // Closed a month ago, within the table's re-referral window (12 months): a re-referral.
    const saved = await factory.client.query(`select state, closed_at from casus where id = $1`, [caseId]);
    await factory.client.query(`update casus set state = 'AFGESLOTEN', closed_at = now() - interval '1 month' where id = $1`, [caseId]);
    const reReferral = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${otherCase}`);
    expect(reReferral.body.knownElsewhere).toEqual([expect.objectContaining({ closedAt: expect.any(String) })]);
    // Closed longer ago than the window: no longer known.
    await factory.client.query(`update casus set closed_at = now() - interval '13 months' where id = $1`, [caseId]);
    expect((await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${otherCase}`)).body.knownElsewhere).toEqual([]);
    await factory.client.query(`update casus set state = $2, closed_at = $3 where id = $1`, [caseId, saved.rows[0].state, saved.rows[0].closed_at]);
    // Not a manager: no hint, and no look-up either.
    const ggzView = await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${otherCase}`);
    expect(ggzView.body.knownElsewhere).toEqual([]);
    const lookups = await factory.client.query(
      `select actor_user_id from audit_event where action = 'person.index.lookup' and details->'persons' ? $1`,
      [managed.body.persons[0].id],
    );
    expect(lookups.rows.map((r: { actor_user_id: string }) => r.actor_user_id)).toContain(p.zvh.userId);
    expect(lookups.rows.map((r: { actor_user_id: string }) => r.actor_user_id)).not.toContain(p.ggz.userId);
  });

  it('a closed case is read-only: changes are 409 until it is reopened; outsiders still get 404', async () => {
    const saved = await factory.client.query(`select state, closed_at, reason, version from casus where id = $1`, [caseId]);
    await factory.client.query(`update casus set state = 'AFGESLOTEN', closed_at = now() where id = $1`, [caseId]);
    const closed = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(closed.body.can).toEqual({
      addItems: false,
      manageParticipants: false,
      proposeDisclosure: false,
      approveDisclosure: false,
      requestInformation: false,
      editMensenhandel: false,
      breakGlass: false,
    });
    const core = await p.zvh.agent.put<ProblemDetails>(`/api/cases/${caseId}`, {
      reason: 'Gewijzigd na afsluiten (fictief)',
      goal: 'Gewijzigd doel (fictief)',
      casusregisseurId: null,
      version: closed.body.version,
    });
    expect(core.status).toBe(409);
    expect(core.body.detail).toContain('closed');
    const participant = await p.zvh.agent.post(`/api/cases/${caseId}/participants`, {
      organisationId: p.gemeente.organisationId,
      basis: 'MEMBER',
    });
    expect(participant.status).toBe(409);
    const b8 = await p.politie.agent.put(`/api/cases/${caseId}/mensenhandel/b8`, {
      offeredAt: null,
      acceptedAt: null,
      aangifte: 'NEE',
      permitStatus: null,
      version: closed.body.mensenhandel?.version,
    });
    expect(b8.status).toBe(409);
    // Whoever may not see the case learns nothing from its being closed.
    const outsider = await p.om.agent.put(`/api/cases/${caseId}/mensenhandel/b8`, {
      offeredAt: null,
      acceptedAt: null,
      aangifte: 'NEE',
      permitStatus: null,
      version: closed.body.mensenhandel?.version,
    });
    expect(outsider.status).toBe(404);
    const after = await factory.client.query(`select reason, version from casus where id = $1`, [caseId]);
    expect(after.rows[0]).toEqual({ reason: saved.rows[0].reason, version: saved.rows[0].version });
    await factory.client.query(`update casus set state = $2, closed_at = $3 where id = $1`, [caseId, saved.rows[0].state, saved.rows[0].closed_at]);
  });

  it('every read is audited, denials included', async () => {
    const { rows } = await factory.client.query<{ outcome: string; n: string }>(
      // The reads themselves (each also has a row per person of the case).
      `select outcome, count(*) as n from audit_event where action = 'case.read' and object_id = $1 and data_subject_id is null
        group by outcome`,
      [caseId],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
    expect(counts['OK']).toBeGreaterThan(10);
    // CoMensha and the gemeente asked for the case and were refused (the OM was stopped earlier, by
    // the permission check: it holds no role at this table).
    expect(counts['DENIED']).toBe(2);
  });
});

/** A multipart/form-data upload with one field `file`, as a browser sends it. */
function upload(agent: TestAgent, url: string, fileName: string, contentType: string, content: Buffer) {
  const boundary = `----cst${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request<ProblemDetails>('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}
