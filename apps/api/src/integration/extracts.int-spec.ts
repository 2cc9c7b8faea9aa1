import { createHash, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import type {
  CaseDetailDto,
  CreateExtractRequest,
  ExtractCandidatesDto,
  ExtractDto,
  ProblemDetails,
  ReceivedExtractDto,
  VisibilityMatrixDto,
} from '@casustafel/shared/contracts';
import type { Client } from 'pg';
import { appRoleClient, inSecurityContext } from './support/matrix/db';
import { auditRows, newCase } from './support/meetings';
import { pdfText } from './support/pdf-text';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const mark = (kind: string) => `MRK${kind}${randomUUID().slice(0, 8)}`;
const MARK = {
  full: mark('full'),
  fullTitle: mark('fulltitle'),
  summary: mark('summary'),
  summaryTitle: mark('summarytitle'),
  forbidden: mark('forbidden'),
  forbiddenTitle: mark('forbiddentitle'),
  embargo: mark('embargo'),
  gevoelig: mark('gevoelig'),
  c6: mark('c6'),
};
const PURPOSE = 'Beoordeling vervolging mensenhandel (fictief)';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Need-to-know extracts (issue 7, scenario 7) against real PostgreSQL over HTTP: the procesregisseur
 * composes an extract for the OM (which declined the table) from what the policy lets the OM receive,
 * a second manager approves, the PDF and JSON are generated once with their SHA-256, the OM user lists
 * and downloads only its own extracts, and recall, expiry and supersession stop the downloads. The
 * extract's disclosure grants nothing in the case.
 */
describe('need-to-know extracts (uittreksels)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let approver: TestAgent;
  let tableId: string;
  let caseId: string;
  let omName: string;
  const item: Record<string, string> = {};
  let appRole: Client;

  const extractCount = async () =>
    Number((await factory.client.query<{ n: string }>('select count(*) as n from extract')).rows[0].n);

  const compose = (body: Partial<CreateExtractRequest>, agent: TestAgent = p.zvh.agent) =>
    agent.post<ExtractDto>(`/api/cases/${caseId}/extracts`, {
      recipientOrganisationId: p.om.organisationId,
      purpose: PURPOSE,
      legalGround: 'WJSG_AANWIJZING',
      items: [
        { itemId: item.full, mode: 'FULL' },
        { itemId: item.summary, mode: 'CATEGORY_SUMMARY' },
      ],
      ...body,
    });

  const approve = (extract: ExtractDto, agent: TestAgent = approver) =>
    agent.post<ExtractDto>(`/api/extracts/${extract.id}/decision`, {
      approve: true,
      version: extract.version,
    });

  const issued = async (body: Partial<CreateExtractRequest> = {}): Promise<ExtractDto> => {
    const created = await compose(body);
    expect(created.status).toBe(201);
    const decided = await approve(created.body);
    expect(decided.status).toBe(200);
    expect(decided.body.state).toBe('VERSTREKT');
    return decided.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        deelnemer: { partnerType: 'GEMEENTE_SOCIAAL_DOMEIN', roles: ['CASUSREGISSEUR'] },
        om: { partnerType: 'OM', membership: 'DECLINED', roles: [] },
        reclassering: { partnerType: 'RECLASSERING', membership: 'DECLINED', roles: [] },
        beheerder: { partnerType: 'ZVH', roles: ['BEHEERDER'] },
      },
    });
    p = world.parties;
    tableId = world.tableId;
    omName = `om ${world.regionId.slice(0, 6)}`;
    // A second manager of the same organisation: the four-eyes approver.
    const voorzitter = await factory.user(p.zvh.organisationId, {
      isDemo: true,
      displayName: 'Vera Voorzitter (fictief)',
      roles: [{ tableId, role: 'VOORZITTER' }],
    });
    approver = await signIn(app, voorzitter.email);
    // The ZVH is on this table's embargo list, so its procesregisseur reads (and may pass on) embargoed items.
    const matrix = await p.beheerder.agent.get<VisibilityMatrixDto>(`/api/tables/${tableId}/visibility`);
    const put = await p.beheerder.agent.put<VisibilityMatrixDto>(`/api/tables/${tableId}/visibility`, {
      version: matrix.body.version,
      rules: matrix.body.rules,
      embargoPartnerTypes: [...matrix.body.embargoPartnerTypes, 'ZVH'],
      reason: 'De ZVH leest opsporingsinformatie mee (fictief).',
    });
    expect(put.body).toMatchObject({
      extractFourEyes: true,
      embargoPartnerTypes: expect.arrayContaining(['ZVH']),
    });
    const c = await newCase(factory, tableId, p.zvh.organisationId, [
      { organisationId: p.zvh.organisationId },
      { organisationId: p.politie.organisationId },
      { organisationId: p.deelnemer.organisationId },
    ]);
    caseId = c.id;
    const add = async (key: string, author: Party, body: Record<string, unknown>) => {
      const res = await author.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, body);
      expect(res.status).toBe(201);
      item[key] = res.body.id;
    };
    // OM matrix row: C1 F, C2 S, C4 -, C6 O, C7 F (embargo whitelist); GEVOELIG caps at a summary.
    await add('full', p.zvh, {
      category: 'C1',
      sensitivity: 'NORMAAL',
      title: MARK.fullTitle,
      body: MARK.full,
    });
    await add('summary', p.zvh, {
      category: 'C2',
      sensitivity: 'NORMAAL',
      title: MARK.summaryTitle,
      body: MARK.summary,
    });
    await add('forbidden', p.zvh, {
      category: 'C4',
      sensitivity: 'NORMAAL',
      title: MARK.forbiddenTitle,
      body: MARK.forbidden,
      legalGround: 'AVG_9_2',
    });
    await add('embargo', p.zvh, {
      category: 'C7',
      sensitivity: 'EMBARGO',
      title: 'Onderzoek (fictief)',
      body: MARK.embargo,
    });
    await add('gevoelig', p.zvh, {
      category: 'C1',
      sensitivity: 'GEVOELIG',
      title: 'Gevoelig (fictief)',
      body: MARK.gevoelig,
    });
    await add('c6', p.zvh, {
      category: 'C6',
      sensitivity: 'NORMAAL',
      title: 'Strafrechtelijk (fictief)',
      body: MARK.c6,
    });
    // The police's own C5 item: the ZVH sees it only as a summary, so it cannot pass it on.
    await add('police', p.politie, {
      category: 'C5',
      sensitivity: 'NORMAAL',
      title: 'Politie (fictief)',
      body: 'x',
    });
    appRole = await appRoleClient(db.url);
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await appRole?.end();
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  it('offers only what the composer sees in full, as much as the policy lets the recipient receive', async () => {
    const om = await p.zvh.agent.get<ExtractCandidatesDto>(
      `/api/cases/${caseId}/extracts/candidates?recipientOrganisationId=${p.om.organisationId}`,
    );
    expect(om.status).toBe(200);
    expect(om.body.fourEyes).toBe(true);
    expect(om.body.recipient).toEqual({ id: p.om.organisationId, name: omName, partnerType: 'OM' });
    const allowed = Object.fromEntries(om.body.candidates.map((c) => [c.itemId, c.allowed]));
    expect(allowed).toEqual({
      [item.full]: 'FULL',
      [item.summary]: 'CATEGORY_SUMMARY',
      [item.embargo]: 'FULL',
      [item.gevoelig]: 'CATEGORY_SUMMARY',
    });

    // Reclassering is not on the embargo list: the embargoed item is not offered at all.
    const rec = await p.zvh.agent.get<ExtractCandidatesDto>(
      `/api/cases/${caseId}/extracts/candidates?recipientOrganisationId=${p.reclassering.organisationId}`,
    );
    expect(rec.status).toBe(200);
    const recAllowed = Object.fromEntries(rec.body.candidates.map((c) => [c.itemId, c.allowed]));
    expect(recAllowed[item.embargo]).toBeUndefined();
    expect(recAllowed[item.full]).toBe('FULL');
    expect(recAllowed[item.forbidden]).toBe('CATEGORY_SUMMARY');
    expect(recAllowed[item.police]).toBeUndefined();

    expect(await auditRows(factory, 'extract.candidates', caseId)).toHaveLength(2);
  });

  it('refuses missing purpose and legal ground, naming the fields, and writes nothing', async () => {
    const before = await extractCount();
    const res = await p.zvh.agent.post<ProblemDetails>(`/api/cases/${caseId}/extracts`, {
      recipientOrganisationId: p.om.organisationId,
      purpose: '  ',
      items: [{ itemId: item.full, mode: 'FULL' }],
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['purpose', 'legalGround']));

    const other = await compose({ legalGround: 'OTHER' });
    expect(other.status).toBe(400);
    expect(new Set((other.body as unknown as ProblemDetails).errors?.map((e) => e.field))).toEqual(
      new Set(['legalReference']),
    );
    expect(await extractCount()).toBe(before);
  });

  it('refuses a selection with an item the recipient may not receive, naming the item, and writes nothing', async () => {
    const before = await extractCount();
    const res = await compose({
      items: [
        { itemId: item.full, mode: 'FULL' },
        { itemId: item.forbidden, mode: 'CATEGORY_SUMMARY' },
        { itemId: item.summary, mode: 'FULL' },
        { itemId: item.police, mode: 'CATEGORY_SUMMARY' },
      ],
    });
    expect(res.status).toBe(400);
    const problems = (res.body as unknown as ProblemDetails).errors ?? [];
    expect(problems.map((e) => `${e.field} ${e.code}`)).toEqual([
      'items[1].itemId notForRecipient',
      'items[2].mode onlySummary',
      'items[3].itemId notForRecipient',
    ]);
    // Embargo to a recipient that is not whitelisted.
    const embargo = await compose({
      recipientOrganisationId: p.reclassering.organisationId,
      items: [{ itemId: item.embargo, mode: 'CATEGORY_SUMMARY' }],
    });
    expect(embargo.status).toBe(400);
    expect((embargo.body as unknown as ProblemDetails).errors?.[0].field).toBe('items[0].itemId');
    expect(await extractCount()).toBe(before);
  });

  it('needs a second manager: the composer cannot approve; the approval generates the documents once', async () => {
    const created = await compose({
      items: [
        { itemId: item.full, mode: 'FULL' },
        { itemId: item.summary, mode: 'CATEGORY_SUMMARY' },
        { itemId: item.embargo, mode: 'FULL' },
        { itemId: item.gevoelig, mode: 'CATEGORY_SUMMARY' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'TER_GOEDKEURING',
      pdfSha256: null,
      recipient: { id: p.om.organisationId },
      can: { decide: false, download: false },
    });
    expect(created.body.number).toMatch(/^UT-\d{4}-\d{4}$/);
    // Nothing reaches the recipient before it is issued.
    expect((await p.om.agent.get<ReceivedExtractDto[]>('/api/received-extracts')).body).toEqual([]);
    expect((await p.om.agent.get(`/api/extracts/${created.body.id}/document.pdf`)).status).toBe(404);

    const self = await approve(created.body, p.zvh.agent);
    expect(self.status).toBe(403);
    expect(self.headers['content-type']).toContain('application/problem+json');
    expect((self.body as unknown as ProblemDetails).type).toBe('urn:casustafel:problem:extract.four_eyes');

    const decided = await approve(created.body);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: 'VERSTREKT', decidedBy: 'Vera Voorzitter (fictief)' });
    expect(decided.body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(decided.body.jsonSha256).toMatch(/^[0-9a-f]{64}$/);
    const extract = decided.body;

    // The disclosure record (verstrekking), in the same transaction, naming the extract.
    const disclosure = await factory.client.query(
      `select state, to_organisation_id, purpose, legal_ground, item_ids, categories from disclosure where extract_id = $1`,
      [extract.id],
    );
    expect(disclosure.rows).toEqual([
      {
        state: 'APPROVED',
        to_organisation_id: p.om.organisationId,
        purpose: PURPOSE,
        legal_ground: 'WJSG_AANWIJZING',
        item_ids: [item.full, item.embargo],
        categories: ['C1', 'C2', 'C7'],
      },
    ]);
    expect(await auditRows(factory, 'extract.issue', extract.id)).toHaveLength(1);

    // The recipient downloads the PDF: the stored hash is the hash of the bytes served.
    const pdf = await p.om.agent.get(`/api/extracts/${extract.id}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.raw)).toBe(extract.pdfSha256);
    const text = (await pdfText(pdf.raw)).replace(/\s+/g, ' ');
    expect(text).toContain(`Vertrouwelijk — uittreksel voor ${omName}`);
    expect(text).toContain(extract.number);
    expect(text).toContain(PURPOSE);
    expect(text).toContain('Aanwijzing Wjsg');
    expect(text).toContain(MARK.full);
    expect(text).toContain(MARK.fullTitle);
    expect(text).toContain(MARK.embargo);
    expect(text).toContain('CASUS_BESCHREVEN');
    for (const hidden of [
      MARK.forbidden,
      MARK.forbiddenTitle,
      MARK.summary,
      MARK.summaryTitle,
      MARK.gevoelig,
      MARK.c6,
    ]) {
      expect(text).not.toContain(hidden);
    }

    const json = await p.om.agent.get(`/api/extracts/${extract.id}/document.json`);
    expect(json.status).toBe(200);
    expect(sha256(json.raw)).toBe(extract.jsonSha256);
    const doc = JSON.parse(json.raw.toString('utf8')) as {
      number: string;
      purpose: string;
      items: unknown[];
    };
    expect(doc).toMatchObject({ number: extract.number, purpose: PURPOSE });
    expect(doc.items).toHaveLength(4);
    for (const hidden of [MARK.forbidden, MARK.summary, MARK.summaryTitle, MARK.gevoelig]) {
      expect(json.text).not.toContain(hidden);
    }

    // The managers download the same bytes.
    const managerPdf = await approver.get(`/api/extracts/${extract.id}/document.pdf`);
    expect(sha256(managerPdf.raw)).toBe(extract.pdfSha256);

    const downloads = await auditRows(factory, 'extract.download', extract.id);
    expect(downloads.map((d) => [d.actor_user_id, d.outcome, d.details['format']])).toEqual([
      [p.om.userId, 'DENIED', 'pdf'],
      [p.om.userId, 'OK', 'pdf'],
      [p.om.userId, 'OK', 'json'],
      [expect.any(String), 'OK', 'pdf'],
    ]);
  });

  it('issues at once where the table has no four eyes; the disclosure grants nothing in the case', async () => {
    // The beheerder turns four eyes off where the table's need-to-know settings are edited.
    const setFourEyes = async (on: boolean) => {
      const current = await p.beheerder.agent.get<VisibilityMatrixDto>(`/api/tables/${tableId}/visibility`);
      const put = await p.beheerder.agent.put<VisibilityMatrixDto>(`/api/tables/${tableId}/visibility`, {
        version: current.body.version,
        rules: current.body.rules,
        embargoPartnerTypes: current.body.embargoPartnerTypes,
        reason: 'Uittreksels zonder tweede paar ogen (fictief).',
        extractFourEyes: on,
      });
      expect(put.status).toBe(200);
      expect(put.body.extractFourEyes).toBe(on);
    };
    await setFourEyes(false);
    try {
      // The police (a participant) sees the ZVH's C6 item as a summary; an extract with that summary
      // must not turn the disclosure of category C6 into standing access.
      const res = await compose({
        recipientOrganisationId: p.politie.organisationId,
        legalGround: 'WPG',
        items: [{ itemId: item.c6, mode: 'CATEGORY_SUMMARY' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ state: 'VERSTREKT', decidedBy: 'zvh (fictief)' });
      const detail = await p.politie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
      expect(detail.status).toBe(200);
      const c6 = detail.body.items.find((i) => i.id === item.c6);
      expect(c6?.visibility).toBe('SUMMARY');
      expect(JSON.stringify(detail.body)).not.toContain(MARK.c6);
      const access = await inSecurityContext(
        appRole,
        { userId: p.politie.userId, organisationId: p.politie.organisationId },
        async (c) =>
          (
            await c.query<{ a: string }>(`select cst_access($1, 'C6', 'NORMAAL', array[$2::uuid], $3) as a`, [
              caseId,
              p.zvh.organisationId,
              item.c6,
            ])
          ).rows[0].a,
      );
      expect(access).toBe('SUMMARY');
    } finally {
      await setFourEyes(true);
    }
  });

  it('shows the recipient only its own extracts, never the case; every view is audited', async () => {
    const extract = await issued();
    const own = await p.om.agent.get<ReceivedExtractDto[]>('/api/received-extracts');
    expect(own.status).toBe(200);
    expect(own.body.map((e) => e.id)).toContain(extract.id);
    const mine = own.body.find((e) => e.id === extract.id) as ReceivedExtractDto;
    expect(mine).toMatchObject({
      number: extract.number,
      from: { id: p.zvh.organisationId },
      purpose: PURPOSE,
      state: 'VERSTREKT',
      canDownload: true,
      pdfSha256: extract.pdfSha256,
    });
    expect((await p.om.agent.get(`/api/received-extracts/${extract.id}`)).status).toBe(200);

    // Another organisation: none of it exists.
    expect((await p.reclassering.agent.get<ReceivedExtractDto[]>('/api/received-extracts')).body).toEqual([]);
    const other = await p.reclassering.agent.get<ProblemDetails>(`/api/received-extracts/${extract.id}`);
    const unknown = await p.reclassering.agent.get<ProblemDetails>(`/api/received-extracts/${randomUUID()}`);
    expect(other.status).toBe(404);
    expect(other.body.title).toBe(unknown.body.title);
    expect((await p.reclassering.agent.get(`/api/extracts/${extract.id}/document.pdf`)).status).toBe(404);
    // A participant that is not a manager and not the recipient: not found either.
    expect((await p.politie.agent.get(`/api/extracts/${extract.id}/document.json`)).status).toBe(404);

    // The OM never sees the case; its policy answer stays NONE.
    expect((await p.om.agent.get(`/api/cases/${caseId}`)).status).toBe(404);
    const access = await inSecurityContext(
      appRole,
      { userId: p.om.userId, organisationId: p.om.organisationId },
      async (c) =>
        (
          await c.query<{ a: string }>(`select cst_access($1, 'C1', 'NORMAAL', array[$2::uuid], $3) as a`, [
            caseId,
            p.zvh.organisationId,
            item.full,
          ])
        ).rows[0].a,
    );
    expect(access).toBe('NONE');

    const reads = await auditRows(factory, 'extract.received.read', extract.id);
    expect(reads.map((r) => [r.actor_user_id, r.outcome])).toEqual([
      [p.om.userId, 'OK'],
      [p.reclassering.userId, 'DENIED'],
    ]);
    const lists = await auditRows(factory, 'extract.received.list');
    expect(lists.map((r) => r.actor_user_id)).toEqual(
      expect.arrayContaining([p.om.userId, p.reclassering.userId]),
    );
  });

  it('keeps another organisation out in the database itself (row-level security)', async () => {
    const extract = await issued();
    const as = (party: Party, sql: string) =>
      inSecurityContext(appRole, { userId: party.userId, organisationId: party.organisationId }, async (c) =>
        Number((await c.query<{ n: string }>(sql, sql.includes('$1') ? [extract.id] : [])).rows[0].n),
      );
    expect(await as(p.reclassering, 'select count(*) as n from extract')).toBe(0);
    expect(await as(p.reclassering, 'select count(*) as n from extract_document')).toBe(0);
    expect(await as(p.reclassering, 'select count(*) as n from extract_item')).toBe(0);
    expect(await as(p.politie, 'select count(*) as n from extract where id = $1')).toBe(0);
    expect(await as(p.om, 'select count(*) as n from extract where id = $1')).toBe(1);
    expect(await as(p.om, 'select count(*) as n from extract_document where extract_id = $1')).toBe(1);
    expect(await as(p.om, 'select count(*) as n from extract_item where extract_id = $1')).toBe(0);
    expect(await as(p.zvh, 'select count(*) as n from extract_document where extract_id = $1')).toBe(1);
  });

  it('recall stops the downloads; the recipient still sees the row as withdrawn, with the reason', async () => {
    const extract = await issued();
    const reason = 'Verkeerde ontvanger gekozen (fictief).';
    // The disclosure record follows its extract: it is not revoked on its own.
    const record = await factory.client.query<{ id: string }>(
      'select id from disclosure where extract_id = $1',
      [extract.id],
    );
    const revoke = await p.zvh.agent.post<ProblemDetails>(
      `/api/cases/${caseId}/disclosures/${record.rows[0].id}/revoke`,
      { reason },
    );
    expect(revoke.status).toBe(409);
    expect(revoke.body.type).toBe('urn:casustafel:problem:disclosure.via_extract');
    const recalled = await p.zvh.agent.post<ExtractDto>(`/api/extracts/${extract.id}/recall`, {
      reason,
      version: extract.version,
    });
    expect(recalled.status).toBe(200);
    expect(recalled.body).toMatchObject({ state: 'INGETROKKEN', recallReason: reason });
    const gone = await p.om.agent.get<ProblemDetails>(`/api/extracts/${extract.id}/document.pdf`);
    expect(gone.status).toBe(410);
    expect(gone.body.type).toBe('urn:casustafel:problem:extract.gone');
    expect((await p.om.agent.get(`/api/extracts/${extract.id}/document.json`)).status).toBe(410);
    const row = await p.om.agent.get<ReceivedExtractDto>(`/api/received-extracts/${extract.id}`);
    expect(row.body).toMatchObject({ state: 'INGETROKKEN', recallReason: reason, canDownload: false });
    const disclosure = await factory.client.query('select state from disclosure where extract_id = $1', [
      extract.id,
    ]);
    expect(disclosure.rows).toEqual([{ state: 'REVOKED' }]);
    const downloads = await auditRows(factory, 'extract.download', extract.id);
    expect(downloads.map((d) => d.outcome)).toEqual(['DENIED', 'DENIED']);
    // Recalled is final.
    const again = await p.zvh.agent.post(`/api/extracts/${extract.id}/recall`, {
      reason,
      version: recalled.body.version,
    });
    expect(again.status).toBe(409);
  });

  it('stops the downloads after the expiry date', async () => {
    const later = new Date(clock.now().getTime() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const extract = await issued({ expiresOn: later });
    expect((await p.om.agent.get(`/api/extracts/${extract.id}/document.pdf`)).status).toBe(200);
    // Its last day has passed (moved in the data: the application's clock would end the sessions too).
    await factory.client.query(`update extract set expires_on = current_date - 2 where id = $1`, [
      extract.id,
    ]);
    const gone = await p.om.agent.get(`/api/extracts/${extract.id}/document.pdf`);
    expect(gone.status).toBe(410);
    const row = await p.om.agent.get<ReceivedExtractDto>(`/api/received-extracts/${extract.id}`);
    expect(row.body).toMatchObject({ state: 'VERSTREKT', expired: true, canDownload: false });
    // An expiry date that is not in the future is refused.
    const today = await compose({ expiresOn: new Date().toISOString().slice(0, 10) });
    expect(today.status).toBe(400);
  });

  it('supersedes: the new version, once issued, replaces the old one', async () => {
    const old = await issued();
    const created = await compose({ supersedesExtractId: old.id, purpose: `${PURPOSE} — versie 2` });
    expect(created.status).toBe(201);
    // Until the new one is issued the old one stands.
    expect((await p.om.agent.get(`/api/extracts/${old.id}/document.pdf`)).status).toBe(200);
    const fresh = await approve(created.body);
    expect(fresh.body).toMatchObject({
      state: 'VERSTREKT',
      supersedes: old.id,
      supersedesNumber: old.number,
    });
    const before = await approver.get<ExtractDto>(`/api/extracts/${old.id}`);
    expect(before.body).toMatchObject({ state: 'VERVANGEN', supersededBy: fresh.body.id });
    expect((await p.om.agent.get(`/api/extracts/${old.id}/document.pdf`)).status).toBe(410);
    const row = await p.om.agent.get<ReceivedExtractDto>(`/api/received-extracts/${old.id}`);
    expect(row.body).toMatchObject({ state: 'VERVANGEN', canDownload: false });
    // Only an issued extract of the same recipient can be replaced.
    const wrong = await compose({ supersedesExtractId: old.id });
    expect(wrong.status).toBe(400);
    expect((wrong.body as unknown as ProblemDetails).errors?.[0].field).toBe('supersedesExtractId');
  });

  it('leaves no issued extract and no disclosure when generation fails', async () => {
    const extra = await p.zvh.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C1',
      sensitivity: 'NORMAAL',
      title: 'Tijdelijk (fictief)',
      body: 'wordt verwijderd',
    });
    const created = await compose({
      items: [
        { itemId: item.full, mode: 'FULL' },
        { itemId: extra.body.id, mode: 'FULL' },
      ],
    });
    expect(created.status).toBe(201);
    // The item disappears between composition and approval: the generation cannot complete.
    await factory.client.query('delete from case_item where id = $1', [extra.body.id]);
    const failed = await approve(created.body);
    expect(failed.status).toBe(409);
    expect((failed.body as unknown as ProblemDetails).type).toBe(
      'urn:casustafel:problem:extract.item_unavailable',
    );
    const state = await factory.client.query<{ state: string; pdf_sha256: Buffer | null }>(
      'select state, pdf_sha256 from extract where id = $1',
      [created.body.id],
    );
    expect(state.rows).toEqual([{ state: 'TER_GOEDKEURING', pdf_sha256: null }]);
    const leftovers = await factory.client.query(
      `select (select count(*) from disclosure where extract_id = $1) as disclosures,
              (select count(*) from extract_document where extract_id = $1) as documents`,
      [created.body.id],
    );
    expect(leftovers.rows).toEqual([{ disclosures: '0', documents: '0' }]);
    expect(await auditRows(factory, 'extract.issue', created.body.id)).toEqual([]);
  });

  it('lists a case’s extracts for its managers only', async () => {
    const list = await p.zvh.agent.get<ExtractDto[]>(`/api/cases/${caseId}/extracts`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    // The titles only where the reader sees the item in full.
    const first = list.body.find((e) => e.items.some((i) => i.itemId === item.full)) as ExtractDto;
    expect(first.items.find((i) => i.itemId === item.full)?.title).toBe(MARK.fullTitle);
    // Without the permission the route does not exist for them.
    expect((await p.deelnemer.agent.get(`/api/cases/${caseId}/extracts`)).status).toBe(404);
    expect((await p.om.agent.get(`/api/cases/${caseId}/extracts`)).status).toBe(404);
  });
});
