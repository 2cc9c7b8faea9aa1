import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IdentityFactory } from '@casustafel/api/testing';
import type { MeetingDetailDto } from '@casustafel/shared/contracts';
import { newCase } from './meetings';
import { buildWorld, type Party } from './world';

/**
 * A live meeting for socket tests: a table with a chair (ZVH), police and GGZ (both in case A and
 * B's police), a member organisation not in case A (reclassering: item A is restricted for it), a
 * guest organisation (OM) invited to item B only, and an organisation outside the table (RIEC).
 * Case A: ZVH, police, GGZ. Case B: ZVH, police, OM (guest). The meeting is LIVE, nobody has joined.
 */
export interface LiveWorld {
  tableId: string;
  p: Record<LiveParty, Party>;
  meetingId: string;
  itemA: string;
  itemB: string;
  caseA: string;
  caseB: string;
}

export const LIVE_PARTIES = ['chair', 'politie', 'ggz', 'reclassering', 'om', 'buiten'] as const;
export type LiveParty = (typeof LIVE_PARTIES)[number];

export async function buildLiveWorld(
  app: NestFastifyApplication,
  factory: IdentityFactory,
): Promise<LiveWorld> {
  const world = await buildWorld(app, factory, {
    parties: {
      chair: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'VOORZITTER'] },
      politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
      ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
      reclassering: { partnerType: 'RECLASSERING', roles: ['DEELNEMER'] },
      om: { partnerType: 'OM', membership: 'GUEST', roles: ['DEELNEMER'] },
      buiten: { partnerType: 'RIEC', membership: null, roles: ['DEELNEMER'] },
    },
  });
  const p = world.parties as Record<LiveParty, Party>;
  const { id: caseA } = await newCase(factory, world.tableId, p.chair.organisationId, [
    { organisationId: p.chair.organisationId },
    { organisationId: p.politie.organisationId },
    { organisationId: p.ggz.organisationId },
  ]);
  const { id: caseB } = await newCase(factory, world.tableId, p.chair.organisationId, [
    { organisationId: p.chair.organisationId },
    { organisationId: p.politie.organisationId },
    { organisationId: p.om.organisationId, basis: 'GUEST' },
  ]);
  const scheduledAt = new Date(Date.now() + 3600_000).toISOString();
  const created = await p.chair.agent.post<MeetingDetailDto>('/api/meetings', {
    tableId: world.tableId,
    type: 'CASUSOVERLEG',
    scheduledAt,
    durationMinutes: 90,
    location: 'Zorg- en Veiligheidshuis (fictief)',
    chairUserId: p.chair.userId,
  });
  expectStatus(created, 201, 'create meeting');
  const meetingId = created.body.id;
  const url = (rest: string) => `/api/meetings/${meetingId}${rest}`;
  expectStatus(
    await p.chair.agent.post(url('/agenda'), {
      caseId: caseA,
      timeboxMinutes: 20,
      invitedOrganisationIds: [p.politie.organisationId, p.ggz.organisationId],
    }),
    201,
    'agenda A',
  );
  const withB = await p.chair.agent.post<MeetingDetailDto>(url('/agenda'), {
    caseId: caseB,
    timeboxMinutes: 15,
    invitedOrganisationIds: [p.politie.organisationId, p.om.organisationId],
  });
  expectStatus(withB, 201, 'agenda B');
  const [itemA, itemB] = withB.body.agenda.map((i) => i.id);
  const sent = await p.chair.agent.post<MeetingDetailDto>(url('/transitions'), {
    transition: 'AGENDA_VERZENDEN',
    version: withB.body.version,
  });
  expectStatus(sent, 200, 'send agenda');
  const live = await p.chair.agent.post<MeetingDetailDto>(url('/transitions'), {
    transition: 'STARTEN',
    version: sent.body.version,
  });
  expectStatus(live, 200, 'start');
  return { tableId: world.tableId, p, meetingId, itemA, itemB, caseA, caseB };
}

function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`${what}: ${res.status} ${res.text}`);
  }
}
