import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestDatabase } from '@casustafel/api/testing';
import type {
  BreakGlassGrantDto,
  BreakGlassReviewDto,
  CaseDetailDto,
  CaseTableDto,
  ProblemDetails,
  RegistrationDto,
} from '@casustafel/shared/contracts';
import { appRoleClient, inSecurityContext, sqlState } from './support/matrix/db';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const NOTE_BODY = 'Crisisplan en medicatie (fictief).';
const FILE_TEXT = 'Crisiskaart bijlage (fictief)';
const REASON = 'Acute dreiging: crisisplan nodig voor de politie-inzet vannacht (fictief).';

/**
 * Break-the-glass (noodknop, ADR 0020) against real PostgreSQL over HTTP: the procesregisseur sees a
 * GGZ note only as a summary, opens it with a reason, reads it (flagged in the audit log) until the
 * opening expires on the application's clock; the FG reviews the opening. Nobody else can open,
 * and an embargoed item cannot be opened at all.
 */
describe('break-the-glass (noodknop)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let caseId: string;
  let noteId: string;
  let embargoId: string;
  let attachmentId: string;
  let grant: BreakGlassGrantDto;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, {
      DEMO_MODE: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      BREAK_GLASS_MINUTES: '5',
    }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
        fg: { partnerType: 'ZVH', roles: ['FG_AUDITOR'] },
      },
    });
    p = world.parties;

    const tables = await p.politie.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body.find((t) => t.id === world.tableId) as CaseTableDto;
    const registration = await p.politie.agent.post<RegistrationDto>('/api/registrations', {
      tableId: world.tableId,
      reason: 'Signalen van uitbuiting (fictief).',
      goal: 'Veiligheid organiseren.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg en veiligheid.',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: [{ givenName: 'Noor', familyName: 'Fictief', dateOfBirth: '2001-02-03', role: 'SLACHTOFFER' }],
      proposedParticipants: [{ organisationId: p.ggz.organisationId }],
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
    caseId = decided.body.triage?.caseId as string;

    const note = await p.ggz.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C4',
      sensitivity: 'NORMAAL',
      title: 'Crisisplan (fictief)',
      body: NOTE_BODY,
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
    });
    noteId = note.body.id;
    const embargoed = await p.politie.agent.post<{ id: string }>(`/api/cases/${caseId}/items`, {
      category: 'C7',
      sensitivity: 'EMBARGO',
      title: 'Lopend onderzoek (fictief)',
      body: 'Opsporingsinformatie (fictief).',
    });
    embargoId = embargoed.body.id;
    expect([note.status, embargoed.status]).toEqual([201, 201]);
    const file = await factory.client.query<{ id: string }>(
      `insert into case_item_attachment (item_id, file_name, content_type, size, sha256, content, created_at)
       values ($1, 'crisiskaart.txt', 'text/plain', $2, sha256($3), $3, now()) returning id`,
      [noteId, FILE_TEXT.length, Buffer.from(FILE_TEXT)],
    );
    attachmentId = file.rows[0].id;
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  const openUrl = (itemId: string) => `/api/cases/${caseId}/items/${itemId}/break-glass`;
  const download = () => `/api/cases/${caseId}/items/${noteId}/attachments/${attachmentId}`;
  const noteOf = async (party: Party) =>
    (await party.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.items.find((i) => i.id === noteId);
  const grants = async () =>
    Number((await factory.client.query('select count(*) from break_glass')).rows[0].count);

  it('the procesregisseur sees the GGZ note as a summary and may break the glass; a blank reason is a 400', async () => {
    const detail = await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`);
    expect(detail.body.can.breakGlass).toBe(true);
    expect(detail.body.items.find((i) => i.id === noteId)).toMatchObject({ visibility: 'SUMMARY' });
    expect(detail.body.items.map((i) => i.id)).not.toContain(embargoId);
    expect((await p.ggz.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body.can.breakGlass).toBe(false);

    for (const body of [{}, { reason: '   ' }, { reason: 'te kort' }]) {
      const refused = await p.zvh.agent.post<ProblemDetails>(openUrl(noteId), body);
      expect(refused.status).toBe(400);
      expect([...new Set(refused.body.errors?.map((e) => e.field))]).toEqual(['reason']);
    }
    expect(await grants()).toBe(0);
  });

  it('nobody but the procesregisseur can open; an embargoed item cannot be opened at all: 404', async () => {
    for (const party of [p.politie, p.ggz, p.fg]) {
      expect((await party.agent.post(openUrl(noteId), { reason: REASON })).status).toBe(404);
    }
    // Embargo is not broken: the item answers like one that does not exist.
    const embargo = await p.zvh.agent.post<ProblemDetails>(openUrl(embargoId), { reason: REASON });
    const unknown = await p.zvh.agent.post<ProblemDetails>(openUrl('00000000-0000-4000-8000-000000000000'), {
      reason: REASON,
    });
    expect([embargo.status, unknown.status]).toEqual([404, 404]);
    expect(embargo.body.detail).toBe(unknown.body.detail);
    expect(await grants()).toBe(0);
    const denied = await factory.client.query(
      `select count(*) from audit_event where action = 'case.break_glass.open' and outcome = 'DENIED'
         and actor_user_id = $1 and data_subject_id is null and break_glass`,
      [p.zvh.userId],
    );
    expect(Number(denied.rows[0].count)).toBe(2);
  });

  it('opens the note with a reason: the content and file are shown, every read flagged in the audit log', async () => {
    const before = clock.now().getTime();
    const opened = await p.zvh.agent.post<BreakGlassGrantDto>(openUrl(noteId), { reason: REASON });
    expect(opened.status).toBe(201);
    grant = opened.body;
    expect(grant).toMatchObject({ caseId, itemId: noteId });
    const minutes = (Date.parse(grant.expiresAt) - Date.parse(grant.openedAt)) / 60_000;
    expect(minutes).toBe(5);
    expect(Date.parse(grant.openedAt)).toBeGreaterThanOrEqual(before - 1000);

    expect(await noteOf(p.zvh)).toMatchObject({
      visibility: 'FULL',
      grantedBy: 'BREAK_GLASS',
      body: NOTE_BODY,
      breakGlass: { id: grant.id, expiresAt: grant.expiresAt },
    });
    const file = await p.zvh.agent.get(download());
    expect([file.status, file.text]).toEqual([200, FILE_TEXT]);
    // Only the opener: the police still see nothing of the note.
    expect(await noteOf(p.politie)).toBeUndefined();
    // Already open: a second opening is refused.
    expect((await p.zvh.agent.post(openUrl(noteId), { reason: REASON })).status).toBe(409);

    const rule = `BREAK_GLASS:${grant.id}`;
    const audit = await factory.client.query<{ action: string; subject: boolean; n: string }>(
      `select action, data_subject_id is not null as subject, count(*) as n from audit_event
        where actor_user_id = $1 and break_glass and outcome = 'OK' group by 1, 2 order by 1, 2`,
      [p.zvh.userId],
    );
    // Each read: the action's row and one row per person of the case (one person here).
    expect(audit.rows.map((r) => `${r.action} ${r.subject} ${r.n}`)).toEqual([
      'case.attachment.download false 1',
      'case.attachment.download true 1',
      'case.break_glass.open false 1',
      'case.break_glass.open true 1',
      'case.item.read false 1',
      'case.item.read true 1',
    ]);
    const reads = await factory.client.query(
      `select authorisation_rule, data_category, object_id, details from audit_event
        where actor_user_id = $1 and action in ('case.item.read', 'case.attachment.download') and data_subject_id is null`,
      [p.zvh.userId],
    );
    expect(reads.rows.map((r) => r.authorisation_rule)).toEqual([rule, rule]);
    expect(JSON.stringify(reads.rows)).not.toContain('Crisis');
    const openRow = await factory.client.query(
      `select details from audit_event where action = 'case.break_glass.open' and outcome = 'OK' and data_subject_id is null`,
    );
    expect(JSON.stringify(openRow.rows)).not.toContain('dreiging');
  });

  it('after the opening expires, on the next request, the note is a summary again', async () => {
    clock.advance(5 * 60_000 + 1000);
    expect(await noteOf(p.zvh)).toMatchObject({ visibility: 'SUMMARY' });
    expect(((await noteOf(p.zvh)) as { body?: string }).body).toBeUndefined();
    expect((await p.zvh.agent.get(download())).status).toBe(404);
  });

  it('the FG sees the opening in the queue (category, no content) and marks it; a stale version is a 409', async () => {
    const queue = await p.fg.agent.get<BreakGlassReviewDto[]>('/api/break-glass/reviews');
    expect(queue.status).toBe(200);
    expect(queue.body).toEqual([
      expect.objectContaining({
        id: grant.id,
        caseId,
        itemId: noteId,
        category: 'C4',
        openedBy: 'zvh (fictief)',
        organisation: expect.objectContaining({ partnerType: 'ZVH' }),
        reason: REASON,
        review: null,
        version: 1,
      }),
    ]);
    expect(queue.body[0].caseNumber).toMatch(/\d/);
    expect(JSON.stringify(queue.body)).not.toContain(NOTE_BODY);

    const noNote = await p.fg.agent.post<ProblemDetails>(`/api/break-glass/${grant.id}/review`, {
      outcome: 'NIET_GERECHTVAARDIGD',
      note: ' ',
      version: 1,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors?.map((e) => e.field)).toEqual(['note']);

    const reviewed = await p.fg.agent.post<BreakGlassReviewDto>(`/api/break-glass/${grant.id}/review`, {
      outcome: 'GERECHTVAARDIGD',
      version: 1,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      version: 2,
      review: { outcome: 'GERECHTVAARDIGD', note: null, reviewedBy: 'fg (fictief)' },
    });
    const stale = await p.fg.agent.post<ProblemDetails>(`/api/break-glass/${grant.id}/review`, {
      outcome: 'NIET_GERECHTVAARDIGD',
      note: 'Geen acute noodzaak (fictief).',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const audited = await factory.client.query(
      `select count(*) from audit_event where action = 'break_glass.review' and actor_user_id = $1 and data_subject_id is null`,
      [p.fg.userId],
    );
    expect(Number(audited.rows[0].count)).toBe(1);
  });

  it('the second wall: as the app role, the opener and the FG read the opening, nobody else; nobody opens for another', async () => {
    const app = await appRoleClient(db.url);
    try {
      const seen = async (party: Party) =>
        inSecurityContext(app, { userId: party.userId, organisationId: party.organisationId }, async (c) =>
          (await c.query('select id from break_glass')).rows.map((r) => r.id),
        );
      expect(await seen(p.zvh)).toEqual([grant.id]);
      expect(await seen(p.fg)).toEqual([grant.id]);
      expect(await seen(p.politie)).toEqual([]);
      expect(await seen(p.ggz)).toEqual([]);
      // An insert past the service: the police for themselves, or the procesregisseur on the embargoed item.
      const insert = `insert into break_glass (case_id, item_id, category, user_id, organisation_id, reason, opened_at, expires_at)
                      values ($1, $2, $3, $4, $5, 'Omzeilen van de service (fictief)', now(), now() + interval '5 minutes')`;
      const attempt = (party: Party, itemId: string, category: string) =>
        inSecurityContext(app, { userId: party.userId, organisationId: party.organisationId }, (c) =>
          sqlState(c, insert, [caseId, itemId, category, party.userId, party.organisationId]),
        );
      expect(await attempt(p.politie, noteId, 'C4')).toBe('42501');
      expect(await attempt(p.zvh, embargoId, 'C7')).toBe('42501');
      // Reviewing is the FG's: the opener's update touches no row.
      const update = await inSecurityContext(
        app,
        { userId: p.zvh.userId, organisationId: p.zvh.organisationId },
        (c) =>
          c.query(
            `update break_glass set review_outcome = 'GERECHTVAARDIGD', reviewed_by = $1, reviewed_at = now()`,
            [p.fg.userId],
          ),
      );
      expect(update.rowCount).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('the queue and the review are the FG’s alone: 404 for everyone else, the opener included', async () => {
    for (const party of [p.zvh, p.politie, p.ggz]) {
      expect((await party.agent.get('/api/break-glass/reviews')).status).toBe(404);
      expect(
        (
          await party.agent.post(`/api/break-glass/${grant.id}/review`, {
            outcome: 'GERECHTVAARDIGD',
            version: 2,
          })
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await p.fg.agent.post(`/api/break-glass/00000000-0000-4000-8000-000000000000/review`, {
          outcome: 'GERECHTVAARDIGD',
          version: 1,
        })
      ).status,
    ).toBe(404);
  });
});
