import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LivePublisher, MeetingProjector, type StoredMeetingEvent } from '@casustafel/api/meetings';
import type { Actor } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import {
  permissionsOf,
  type LiveEventDto,
  type LiveStateDto,
  type MeetingDetailDto,
  type MeetingStaffDto,
  type MeetingSummaryDto,
  type ProblemDetails,
} from '@casustafel/shared/contracts';
import { auditRows, newCase } from './support/meetings';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString().replace(/T.*/, 'T09:00:00.000Z');
const key = () => `k-${randomUUID()}`;

/**
 * The case conference against real PostgreSQL over HTTP (issue 6, ADR 0023): planning and the
 * agenda with invited organisations, the lifecycle's order, stale versions, bad input, and the live
 * room — each organisation's projection by the one access policy (restricted items, guests only on
 * their own item while it is current, embargo, the matrix), idempotent writes, resync, and the
 * chair's prerogatives with audited refusals.
 */
describe('case conference: meetings, agenda and the live room', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let tableId: string;
  let planner2: { id: string; agent: TestAgent };
  let caseA: { id: string; number: string };
  let caseB: { id: string; number: string };
  let meeting: MeetingDetailDto;
  let itemA: string;
  let itemB: string;
  const published: StoredMeetingEvent[] = [];

  const count = async (table: string) =>
    Number((await factory.client.query(`select count(*) from ${table}`)).rows[0].count);
  const detail = async (party: { agent: TestAgent }) =>
    (await party.agent.get<MeetingDetailDto>(`/api/meetings/${meeting.id}`)).body;
  const fields = (res: { body: unknown }) => [
    ...new Set(((res.body as ProblemDetails).errors ?? []).map((e) => e.field)),
  ];
  const url = (rest = '') => `/api/meetings/${meeting.id}${rest}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url, {
      DEMO_MODE: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'VOORZITTER'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
        reclassering: { partnerType: 'RECLASSERING', roles: ['DEELNEMER'] },
        om: { partnerType: 'OM', membership: 'GUEST', roles: ['DEELNEMER'] },
        buiten: { partnerType: 'RIEC', membership: null, roles: ['DEELNEMER'] },
      },
    });
    p = world.parties;
    tableId = world.tableId;
    const second = await factory.user(p.zvh.organisationId, {
      isDemo: true,
      displayName: 'Tweede procesregisseur (fictief)',
      roles: [{ tableId, role: 'PROCESREGISSEUR' }],
    });
    planner2 = { id: second.id, agent: await signIn(app, second.email) };
    caseA = await newCase(factory, tableId, p.zvh.organisationId, [
      { organisationId: p.zvh.organisationId },
      { organisationId: p.politie.organisationId },
      { organisationId: p.ggz.organisationId },
    ]);
    caseB = await newCase(factory, tableId, p.zvh.organisationId, [
      { organisationId: p.zvh.organisationId },
      { organisationId: p.politie.organisationId },
      { organisationId: p.om.organisationId, basis: 'GUEST' },
    ]);
    app.get(LivePublisher).listen((events) => published.push(...events));
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  it('lists who can chair and take minutes at the table, and its organisations with their basis', async () => {
    const staff = await p.zvh.agent.get<MeetingStaffDto>(`/api/tables/${tableId}/meeting-staff`);
    expect(staff.status).toBe(200);
    expect(staff.body.chairs.map((u) => u.id).sort()).toEqual([p.zvh.userId, planner2.id].sort());
    expect(staff.body.minuteTakers.map((u) => u.id).sort()).toEqual([p.zvh.userId, planner2.id].sort());
    const basis = Object.fromEntries(staff.body.organisations.map((o) => [o.id, o.basis]));
    expect(basis[p.om.organisationId]).toBe('GUEST');
    expect(basis[p.politie.organisationId]).toBe('MEMBER');
    expect(basis[p.buiten.organisationId]).toBeUndefined();
    expect((await p.politie.agent.get(`/api/tables/${tableId}/meeting-staff`)).status).toBe(404);
  });

  it('plans a meeting; bad input names its fields and writes nothing', async () => {
    const bad = await p.zvh.agent.post<ProblemDetails>('/api/meetings', {
      tableId,
      type: 'BORREL',
      scheduledAt: 'morgen',
      durationMinutes: 2,
      chairUserId: 'x',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['chairUserId', 'durationMinutes', 'scheduledAt', 'type']);
    const notAChair = await p.zvh.agent.post<ProblemDetails>('/api/meetings', {
      tableId,
      type: 'CASUSOVERLEG',
      scheduledAt: tomorrow(),
      durationMinutes: 90,
      chairUserId: p.politie.userId,
      minuteTakerUserId: p.ggz.userId,
    });
    expect(notAChair.status).toBe(400);
    expect(fields(notAChair)).toEqual(['chairUserId', 'minuteTakerUserId']);
    expect(await count('meeting')).toBe(0);

    const created = await p.zvh.agent.post<MeetingDetailDto>('/api/meetings', {
      tableId,
      type: 'CASUSOVERLEG',
      scheduledAt: tomorrow(),
      durationMinutes: 90,
      location: 'Zorg- en Veiligheidshuis (fictief)',
      chairUserId: p.zvh.userId,
      minuteTakerUserId: planner2.id,
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    expect(meeting).toMatchObject({ status: 'GEPLAND', myRole: 'CHAIR', itemCount: 0, version: 1 });
    expect(meeting.can).toMatchObject({
      edit: true,
      transition: ['AGENDA_VERZENDEN'],
      join: false,
      chair: true,
    });
    expect((await auditRows(factory, 'meeting.create', meeting.id)).length).toBe(1);
  });

  it('refuses a stale version with 409 and takes the current one', async () => {
    const body = {
      type: 'CASUSOVERLEG',
      scheduledAt: tomorrow(),
      durationMinutes: 120,
      chairUserId: p.zvh.userId,
      minuteTakerUserId: planner2.id,
    };
    expect((await p.zvh.agent.put(url(), { ...body, version: 7 })).status).toBe(409);
    const updated = await p.zvh.agent.put<MeetingDetailDto>(url(), { ...body, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ durationMinutes: 120, version: 2 });
    meeting = updated.body;
  });

  it('puts cases on the agenda with invited participants (basis from the covenant); bad invitations write nothing', async () => {
    const none = await p.zvh.agent.post<ProblemDetails>(url('/agenda'), {
      caseId: caseA.id,
      timeboxMinutes: 20,
      invitedOrganisationIds: [],
    });
    expect(none.status).toBe(400);
    expect(fields(none)).toEqual(['invitedOrganisationIds']);
    const outsider = await p.zvh.agent.post<ProblemDetails>(url('/agenda'), {
      caseId: caseA.id,
      timeboxMinutes: 20,
      invitedOrganisationIds: [p.politie.organisationId, p.reclassering.organisationId],
    });
    expect(outsider.status).toBe(400);
    expect(fields(outsider)).toEqual(['invitedOrganisationIds']);
    const unknownCase = await p.zvh.agent.post<ProblemDetails>(url('/agenda'), {
      caseId: randomUUID(),
      timeboxMinutes: 20,
      invitedOrganisationIds: [p.politie.organisationId],
    });
    expect(fields(unknownCase)).toEqual(['caseId']);
    expect(await count('agenda_item')).toBe(0);
    expect(await count('meeting_event')).toBe(0);

    const a = await p.zvh.agent.post<MeetingDetailDto>(url('/agenda'), {
      caseId: caseA.id,
      timeboxMinutes: 20,
      invitedOrganisationIds: [p.politie.organisationId, p.ggz.organisationId],
    });
    expect(a.status).toBe(201);
    const b = await p.zvh.agent.post<MeetingDetailDto>(url('/agenda'), {
      caseId: caseB.id,
      timeboxMinutes: 15,
      invitedOrganisationIds: [p.politie.organisationId, p.om.organisationId],
    });
    expect(b.status).toBe(201);
    expect(b.body.agenda.map((i) => [i.order, i.caseNumber])).toEqual([
      [1, caseA.number],
      [2, caseB.number],
    ]);
    [itemA, itemB] = b.body.agenda.map((i) => i.id);
    expect(b.body.agenda[1].invited.map((o) => [o.id, o.basis])).toEqual(
      expect.arrayContaining([
        [p.om.organisationId, 'GUEST'],
        [p.politie.organisationId, 'MEMBER'],
      ]),
    );
    // Reordering: B first.
    const moved = await p.zvh.agent.put<MeetingDetailDto>(url(`/agenda/${itemB}`), {
      timeboxMinutes: 15,
      invitedOrganisationIds: [p.politie.organisationId, p.om.organisationId],
      order: 1,
    });
    expect(moved.body.agenda.map((i) => i.id)).toEqual([itemB, itemA]);
    const back = await p.zvh.agent.put<MeetingDetailDto>(url(`/agenda/${itemB}`), {
      timeboxMinutes: 15,
      invitedOrganisationIds: [p.politie.organisationId, p.om.organisationId],
      order: 2,
    });
    expect(back.body.agenda.map((i) => i.id)).toEqual([itemA, itemB]);
    meeting = back.body;
    expect(published.filter((e) => e.type === 'AGENDA_CHANGED').length).toBe(4);
  });

  it('shows each organisation its own agenda: restricted where it takes no part, a guest only its own item', async () => {
    const politie = await detail(p.politie);
    expect(politie.agenda.map((i) => [i.restricted, i.caseNumber])).toEqual([
      [false, caseA.number],
      [false, caseB.number],
    ]);
    const reclassering = await detail(p.reclassering);
    expect(reclassering.agenda.map((i) => [i.restricted, i.caseId, i.caseNumber])).toEqual([
      [true, null, null],
      [true, null, null],
    ]);
    expect(JSON.stringify(reclassering)).not.toContain(caseA.number);
    const om = await detail(p.om);
    expect(om.myRole).toBe('GUEST');
    expect(om.agenda.map((i) => i.id)).toEqual([itemB]);
    expect(om.attendance.map((a) => a.organisation.id)).toEqual([p.om.organisationId]);
    const list = await p.om.agent.get<MeetingSummaryDto[]>(`/api/meetings?tableId=${tableId}`);
    expect(list.body.map((m) => [m.id, m.itemCount, m.myRole])).toEqual([[meeting.id, 1, 'GUEST']]);
    expect((await p.buiten.agent.get(url())).status).toBe(404);
    // Without a covenant at the table its roles do not count: no meetings at all.
    expect((await p.buiten.agent.get('/api/meetings')).status).toBe(404);
  });

  it('runs the lifecycle in order; the minutes transitions are not here; only the chair starts (refusal audited)', async () => {
    const early = await p.zvh.agent.post<ProblemDetails>(url('/transitions'), {
      transition: 'STARTEN',
      version: meeting.version,
    });
    expect(early.status).toBe(409);
    const minutes = await p.zvh.agent.post<ProblemDetails>(url('/transitions'), {
      transition: 'VERSLAG_OPSTELLEN',
      version: meeting.version,
    });
    expect(minutes.status).toBe(400);
    expect(fields(minutes)).toEqual(['transition']);
    const sent = await planner2.agent.post<MeetingDetailDto>(url('/transitions'), {
      transition: 'AGENDA_VERZENDEN',
      version: meeting.version,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('AGENDA_VERZONDEN');

    const refused = await planner2.agent.post<ProblemDetails>(url('/transitions'), {
      transition: 'STARTEN',
      version: sent.body.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:casustafel:problem:meeting.chair_only');
    const denied = await auditRows(factory, 'meeting.chair.denied', meeting.id);
    expect(denied.map((d) => [d.outcome, d.actor_user_id])).toEqual([['DENIED', planner2.id]]);

    expect((await p.zvh.agent.post(url('/transitions'), { transition: 'STARTEN', version: 1 })).status).toBe(
      409,
    );
    const live = await p.zvh.agent.post<MeetingDetailDto>(url('/transitions'), {
      transition: 'STARTEN',
      version: sent.body.version,
    });
    expect(live.body.status).toBe('LIVE');
    meeting = live.body;
    expect(published.filter((e) => e.type === 'STATUS_CHANGED').map((e) => e.data['status'])).toEqual([
      'AGENDA_VERZONDEN',
      'LIVE',
    ]);
  });

  it('lets participants join after accepting the confidentiality statement; a guest only while its item is current', async () => {
    const refuse = await p.politie.agent.post<ProblemDetails>(url('/join'), {
      confidentialityAccepted: false,
    });
    expect(refuse.status).toBe(400);
    expect(fields(refuse)).toEqual(['confidentialityAccepted']);
    expect((await p.politie.agent.get<ProblemDetails>(url('/live'))).body.type).toBe(
      'urn:casustafel:problem:meeting.confidentiality_not_accepted',
    );
    expect((await p.buiten.agent.post(url('/join'), { confidentialityAccepted: true })).status).toBe(404);
    const guest = await p.om.agent.post<ProblemDetails>(url('/join'), { confidentialityAccepted: true });
    expect(guest.status).toBe(403);
    expect(guest.body.type).toBe('urn:casustafel:problem:notYourItem');
    for (const party of [p.zvh, p.politie, p.ggz, p.reclassering]) {
      const joined = await party.agent.post<LiveStateDto>(url('/join'), { confidentialityAccepted: true });
      expect(joined.status).toBe(200);
      expect(joined.body.guest).toBe(false);
    }
    expect(await count('meeting_confidentiality_ack')).toBe(4);
    expect((await auditRows(factory, 'meeting.join', meeting.id)).length).toBe(4);
  });

  let seqBeforeNotes: number;
  let ggzNoteSeq: number;
  let embargoSeq: number;

  it('stores a note once however often it is retried, and projects notes by the policy (C4 matrix, embargo)', async () => {
    const current = await p.zvh.agent.post<{ seq: number }>(url('/current-item'), {
      agendaItemId: itemA,
      idempotencyKey: key(),
    });
    expect(current.status).toBe(200);
    seqBeforeNotes = current.body.seq;

    const notCurrent = await p.politie.agent.post<ProblemDetails>(url('/notes'), {
      agendaItemId: itemB,
      category: 'C2',
      sensitivity: 'NORMAAL',
      text: 'Verkeerd punt (fictief).',
      idempotencyKey: key(),
    });
    expect(fields(notCurrent)).toEqual(['agendaItemId']);
    const badNote = await p.politie.agent.post<ProblemDetails>(url('/notes'), {
      agendaItemId: itemA,
      category: 'C99',
      sensitivity: 'GEHEIM',
      text: '   ',
      idempotencyKey: 'kort',
    });
    expect(badNote.status).toBe(400);
    expect(fields(badNote).sort()).toEqual(['category', 'idempotencyKey', 'sensitivity', 'text']);
    const restricted = await p.reclassering.agent.post<ProblemDetails>(url('/notes'), {
      agendaItemId: itemA,
      category: 'C2',
      sensitivity: 'NORMAAL',
      text: 'Niet mijn casus (fictief).',
      idempotencyKey: key(),
    });
    expect(restricted.status).toBe(403);
    const ggzEmbargo = await p.ggz.agent.post<ProblemDetails>(url('/notes'), {
      agendaItemId: itemA,
      category: 'C7',
      sensitivity: 'EMBARGO',
      text: 'Geen embargo voor de zorg (fictief).',
      idempotencyKey: key(),
    });
    expect(fields(ggzEmbargo)).toEqual(['sensitivity']);
    expect(await count('case_item')).toBe(0);

    const ggzKey = key();
    const note = {
      agendaItemId: itemA,
      category: 'C4',
      sensitivity: 'NORMAAL',
      text: 'Behandeling loopt, crisisplan besproken (fictief).',
      idempotencyKey: ggzKey,
    };
    const first = await p.ggz.agent.post<{ seq: number; duplicate: boolean }>(url('/notes'), note);
    const retry = await p.ggz.agent.post<{ seq: number; duplicate: boolean }>(url('/notes'), note);
    expect(first.body.duplicate).toBe(false);
    expect(retry.body).toEqual({ seq: first.body.seq, duplicate: true });
    expect(await count('case_item')).toBe(1);
    expect(published.filter((e) => e.type === 'NOTE_ADDED').length).toBe(1);
    ggzNoteSeq = first.body.seq;

    const embargo = await p.politie.agent.post<{ seq: number }>(url('/notes'), {
      agendaItemId: itemA,
      category: 'C7',
      sensitivity: 'EMBARGO',
      text: 'Lopend onderzoek naar de exploitant (fictief).',
      idempotencyKey: key(),
    });
    embargoSeq = embargo.body.seq;

    const notesOf = async (party: Party) =>
      (await party.agent.get<LiveStateDto>(url('/live'))).body.notes.map((n) => [
        n.category,
        n.visibility,
        n.text,
      ]);
    expect(await notesOf(p.ggz)).toEqual([['C4', 'FULL', note.text]]);
    expect(await notesOf(p.politie)).toEqual([
      ['C7', 'FULL', 'Lopend onderzoek naar de exploitant (fictief).'],
    ]);
    expect(await notesOf(p.zvh)).toEqual([['C4', 'SUMMARY', null]]);
    expect(await notesOf(p.reclassering)).toEqual([]);
  });

  it('pushes each organisation its projection: the embargoed note reaches only the whitelist, the C4 note not the police', async () => {
    const projector = app.get(MeetingProjector);
    const events = published.filter((e) => e.meetingId === meeting.id && e.type === 'NOTE_ADDED');
    expect(events.map((e) => e.seq)).toEqual([ggzNoteSeq, embargoSeq]);
    const audience = await projector.audience(meeting.id);
    expect(audience.find((a) => a.organisationId === p.om.organisationId)).toEqual({
      organisationId: p.om.organisationId,
      guest: true,
      guestItemIds: [itemB],
    });
    const as = (
      party: Party,
      partnerType: Actor['partnerType'],
      roles: Array<'DEELNEMER' | 'PROCESREGISSEUR' | 'VOORZITTER'>,
    ) =>
      ({
        userId: party.userId,
        sessionId: randomUUID(),
        organisationId: party.organisationId,
        partnerType,
        tableRoles: roles.map((role) => ({ tableId, tableName: 'x', role })),
        permissions: new Set(permissionsOf(roles)),
      }) as unknown as Actor;
    const push = async (party: Party, actor: Actor) =>
      (await projector.project(events, party.organisationId, actor)).map((e) =>
        e.type === 'NOTE_ADDED' ? [e.seq, e.note.visibility, e.note.text !== null] : [e.seq],
      );
    expect(await push(p.politie, as(p.politie, 'POLITIE', ['DEELNEMER']))).toEqual([
      [embargoSeq, 'FULL', true],
    ]);
    expect(await push(p.ggz, as(p.ggz, 'GGZ_ZORGAANBIEDER', ['DEELNEMER']))).toEqual([
      [ggzNoteSeq, 'FULL', true],
    ]);
    expect(await push(p.zvh, as(p.zvh, 'ZVH', ['PROCESREGISSEUR', 'VOORZITTER']))).toEqual([
      [ggzNoteSeq, 'SUMMARY', false],
    ]);
    expect(await push(p.reclassering, as(p.reclassering, 'RECLASSERING', ['DEELNEMER']))).toEqual([]);
    await expect(
      projector.project(events, p.ggz.organisationId, as(p.politie, 'POLITIE', ['DEELNEMER'])),
    ).rejects.toThrow();
    expect(await projector.mayBeInRoom(as(p.politie, 'POLITIE', ['DEELNEMER']), meeting.id)).toBe(true);
  });

  it('resyncs exactly the missed events as the organisation sees them', async () => {
    const resync = async (party: Party, since: number) =>
      (await party.agent.get<{ events: LiveEventDto[]; seq: number }>(url(`/events?since=${since}`))).body;
    const politie = await resync(p.politie, seqBeforeNotes);
    expect(politie.events.map((e) => e.seq)).toEqual([embargoSeq]);
    expect(politie.seq).toBe(embargoSeq);
    const ggz = await resync(p.ggz, seqBeforeNotes - 1);
    expect(ggz.events.map((e) => [e.seq, e.type])).toEqual([
      [seqBeforeNotes, 'CURRENT_ITEM_CHANGED'],
      [ggzNoteSeq, 'NOTE_ADDED'],
    ]);
    const all = await resync(p.zvh, 0);
    expect(all.events.map((e) => e.seq)).toEqual(
      Array.from({ length: all.seq }, (_, i) => i + 1).filter((s) => s !== embargoSeq),
    );
    const bad = await p.politie.agent.get<ProblemDetails>(url('/events?since=-1'));
    expect(fields(bad)).toEqual(['since']);
    expect((await auditRows(factory, 'meeting.resync', meeting.id)).length).toBe(3);
  });

  it('keeps chair actions to the chair (refusals audited) and checks an action’s owner and due date', async () => {
    const decision = {
      agendaItemId: itemA,
      type: 'PLAN_VASTGESTELD',
      text: 'Plan van aanpak vastgesteld (fictief).',
    };
    const refused = await p.politie.agent.post<ProblemDetails>(url('/decisions'), {
      ...decision,
      idempotencyKey: key(),
    });
    expect(refused.status).toBe(403);
    expect(
      (await p.politie.agent.post(url('/current-item'), { agendaItemId: itemB, idempotencyKey: key() }))
        .status,
    ).toBe(403);
    expect(
      (await auditRows(factory, 'meeting.chair.denied', meeting.id)).map((d) => d.details['attempted']),
    ).toEqual(['transition:STARTEN', 'decision', 'current-item']);
    expect(await count('meeting_decision')).toBe(0);
    expect((await p.zvh.agent.post(url('/decisions'), { ...decision, idempotencyKey: key() })).status).toBe(
      200,
    );

    const past = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const badAction = await p.zvh.agent.post<ProblemDetails>(url('/actions'), {
      agendaItemId: itemA,
      description: 'Contact leggen (fictief).',
      ownerOrganisationId: p.reclassering.organisationId,
      ownerUserId: p.politie.userId,
      dueDate: past,
      idempotencyKey: key(),
    });
    expect(badAction.status).toBe(400);
    expect(fields(badAction)).toEqual(['ownerOrganisationId', 'ownerUserId', 'dueDate']);
    expect(await count('case_action')).toBe(0);
    const due = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const action = await p.zvh.agent.post<{ seq: number }>(url('/actions'), {
      agendaItemId: itemA,
      description: 'Crisisplan delen met de huisarts (fictief).',
      ownerOrganisationId: p.ggz.organisationId,
      ownerUserId: p.ggz.userId,
      dueDate: due,
      idempotencyKey: key(),
    });
    expect(action.status).toBe(200);
    const ggzState = (await p.ggz.agent.get<LiveStateDto>(url('/live'))).body;
    expect(ggzState.actions.map((a) => [a.ownerOrganisation.id, a.dueDate, a.can.changeStatus])).toEqual([
      [p.ggz.organisationId, due, true],
    ]);
    expect(ggzState.decisions.map((d) => d.type)).toEqual(['PLAN_VASTGESTELD']);
    const reclassering = (await p.reclassering.agent.get<LiveStateDto>(url('/live'))).body;
    expect([reclassering.actions, reclassering.decisions]).toEqual([[], []]);
  });

  it('lets a guest in only while its item is current, and shows it nothing of other items', async () => {
    expect(
      (await p.zvh.agent.post(url('/current-item'), { agendaItemId: itemB, idempotencyKey: key() })).status,
    ).toBe(200);
    const joined = await p.om.agent.post<LiveStateDto>(url('/join'), { confidentialityAccepted: true });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      guest: true,
      currentAgendaItemId: itemB,
      notes: [],
      decisions: [],
      actions: [],
    });
    expect(joined.body.meeting.agenda.map((i) => i.id)).toEqual([itemB]);
    const noteB = await p.om.agent.post<{ seq: number }>(url('/notes'), {
      agendaItemId: itemB,
      category: 'C6',
      sensitivity: 'NORMAAL',
      text: 'Strafrechtelijk traject loopt (fictief).',
      idempotencyKey: key(),
    });
    expect(noteB.status).toBe(200);
    const events = (await p.om.agent.get<{ events: LiveEventDto[] }>(url('/events?since=0'))).body.events;
    const text = JSON.stringify(events);
    expect(text).not.toContain(caseA.number);
    expect(text).not.toContain(itemA);
    expect(events.filter((e) => e.type === 'NOTE_ADDED').map((e) => e.seq)).toEqual([noteB.body.seq]);
    expect(events.some((e) => e.type === 'DECISION_RECORDED' || e.type === 'ACTION_CREATED')).toBe(false);

    expect(
      (await p.zvh.agent.post(url('/current-item'), { agendaItemId: itemA, idempotencyKey: key() })).status,
    ).toBe(200);
    const out = await p.om.agent.get<ProblemDetails>(url('/live'));
    expect(out.status).toBe(403);
    expect(out.body.type).toBe('urn:casustafel:problem:notYourItem');
  });

  it('carries open actions onto the case’s next meeting, ends the meeting and then takes no more writes', async () => {
    const next = await p.zvh.agent.post<MeetingDetailDto>('/api/meetings', {
      tableId,
      type: 'EVALUATIE',
      scheduledAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      durationMinutes: 60,
      chairUserId: p.zvh.userId,
    });
    const withA = await p.zvh.agent.post<MeetingDetailDto>(`/api/meetings/${next.body.id}/agenda`, {
      caseId: caseA.id,
      timeboxMinutes: 10,
      invitedOrganisationIds: [p.ggz.organisationId],
    });
    expect(withA.body.agenda[0].carriedActions.map((a) => a.description)).toEqual([
      'Crisisplan delen met de huisarts (fictief).',
    ]);

    const state = (await p.zvh.agent.get<MeetingDetailDto>(url())).body;
    const ended = await p.zvh.agent.post<MeetingDetailDto>(url('/transitions'), {
      transition: 'BEEINDIGEN',
      version: state.version,
    });
    expect(ended.body.status).toBe('AFGEROND');
    const late = await p.zvh.agent.post<ProblemDetails>(url('/decisions'), {
      agendaItemId: itemA,
      type: 'ANDERS',
      text: 'Te laat (fictief).',
      idempotencyKey: key(),
    });
    expect(late.status).toBe(409);
    expect(
      (
        await p.zvh.agent.post(url('/agenda'), {
          caseId: caseB.id,
          timeboxMinutes: 5,
          invitedOrganisationIds: [p.politie.organisationId],
        })
      ).status,
    ).toBe(409);
  });
});
