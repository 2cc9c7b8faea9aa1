import { randomUUID } from 'node:crypto';
import type { MeetingDetailDto, MeetingStaffDto, MinutesDto } from '@casustafel/shared/contracts';
import { ApiUser, DEMO, DEMO_PASSWORD } from './accounts';
import { expect } from './fixtures';

/** The organisations of the demo region the meeting journeys use (libs/api/demo/src/lib/demo-region.ts). */
export const ORG = {
  zvh: 'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
  politie: 'Politie Midden-Nederland, district Gooi en Vechtstreek',
  ggz: 'GGz Centraal',
  veiligThuis: 'Veilig Thuis Gooi en Vechtstreek',
  reclassering: 'Reclassering Nederland',
} as const;

/** Demo users signed in through the API (their own cookie jars), for the set-up the UI is not about. */
export class Api {
  private readonly users = new Map<string, ApiUser>();

  constructor(private readonly baseURL: string) {}

  async as(email: string): Promise<ApiUser> {
    let user = this.users.get(email);
    if (!user) {
      user = (await ApiUser.signIn(this.baseURL, email, DEMO_PASSWORD)).user;
      this.users.set(email, user);
    }
    return user;
  }

  async dispose(): Promise<void> {
    for (const user of this.users.values()) {
      await user.dispose();
    }
    this.users.clear();
  }
}

export async function ok<T>(call: Promise<{ status: number; body: unknown; text: () => Promise<string> }>): Promise<T> {
  const response = await call;
  expect(response.status, await response.text()).toBeLessThan(300);
  return response.body as T;
}

export interface FreshCase {
  id: string;
  number: string;
  person: string;
  tableId: string;
}

/**
 * A mensenhandel case of its own (desktop and mobile run side by side): the police register a
 * fictional person with the GGZ as partner, the procesregisseur sends it to the table.
 */
export async function newCase(api: Api, suffix: string): Promise<FreshCase> {
  const police = await api.as(DEMO.politie);
  const director = await api.as(DEMO.procesregisseur);
  const tables = await police.get<Array<{ id: string; name: string }>>('/api/tables');
  const table = tables.find((t) => t.name === 'Mensenhandel');
  expect(table, 'the demo mensenhandel table').toBeTruthy();
  const organisations = await police.get<Array<{ id: string; name: string }>>(
    `/api/tables/${table?.id}/organisations`,
  );
  const ggz = organisations.find((o) => o.name === ORG.ggz);
  expect(ggz, 'GGz Centraal at the mensenhandel table').toBeTruthy();
  const familyName = `Overleg ${suffix} (fictief)`;
  const registered = await ok<{ id: string }>(
    police.post('/api/registrations', {
      tableId: table?.id,
      reason: `Signalen van seksuele uitbuiting (journey ${suffix}, fictief).`,
      goal: 'Veiligheid en zorg (fictief).',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg en veiligheid (fictief).',
      },
      signals: [{ signalId: 'arb-paspoort' }],
      persons: [{ givenName: 'Casus', familyName, role: 'SLACHTOFFER' }],
      proposedParticipants: [{ organisationId: ggz?.id }],
      submit: true,
    }),
  );
  const started = await ok<{ version: number }>(
    director.post(`/api/triage/registrations/${registered.id}/start`),
  );
  const decided = await ok<{ triage: { caseId: string } }>(
    director.post(`/api/triage/registrations/${registered.id}/decision`, {
      outcome: 'ZVH_TABLE',
      advice: '',
      version: started.version,
    }),
  );
  const caseId = decided.triage.caseId;
  const detail = await director.get<{ number: string }>(`/api/cases/${caseId}`);
  return { id: caseId, number: detail.number, person: `Casus ${familyName}`, tableId: table?.id as string };
}

/** Tomorrow in Dutch time, as YYYY-MM-DD (a meeting is planned in the future). */
export function tomorrow(): string {
  return new Date(Date.now() + 24 * 3600_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** A date `days` ahead, YYYY-MM-DD. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * A meeting planned through the API by the demo voorzitter (chair) with the demo procesregisseur as
 * minute-taker, the case on the agenda with the police and GGZ invited; the agenda is sent and,
 * with `start`, the meeting is live.
 */
export async function plannedMeeting(
  api: Api,
  fresh: FreshCase,
  options: { start?: boolean } = {},
): Promise<MeetingDetailDto> {
  const chair = await api.as(DEMO.voorzitter);
  const staff = await chair.get<MeetingStaffDto>(`/api/tables/${fresh.tableId}/meeting-staff`);
  const chairUser = staff.chairs.find((u) => u.displayName.startsWith('Victor'));
  const minuteTaker = staff.minuteTakers.find((u) => u.displayName.startsWith('Petra'));
  expect(chairUser && minuteTaker, JSON.stringify(staff)).toBeTruthy();
  const invited = staff.organisations.filter((o) => o.name === ORG.politie || o.name === ORG.ggz).map((o) => o.id);
  expect(invited).toHaveLength(2);
  let meeting = await ok<MeetingDetailDto>(
    chair.post('/api/meetings', {
      tableId: fresh.tableId,
      type: 'CASUSOVERLEG',
      scheduledAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      durationMinutes: 60,
      location: 'Zorg- en Veiligheidshuis, zaal 3 (fictief)',
      chairUserId: chairUser?.id,
      minuteTakerUserId: minuteTaker?.id,
    }),
  );
  meeting = await ok<MeetingDetailDto>(
    chair.post(`/api/meetings/${meeting.id}/agenda`, {
      caseId: fresh.id,
      timeboxMinutes: 15,
      invitedOrganisationIds: invited,
    }),
  );
  meeting = await transition(api, meeting, 'AGENDA_VERZENDEN');
  if (options.start) {
    meeting = await transition(api, meeting, 'STARTEN');
  }
  return meeting;
}

export async function transition(
  api: Api,
  meeting: MeetingDetailDto,
  name: string,
  email: string = DEMO.voorzitter,
): Promise<MeetingDetailDto> {
  const user = await api.as(email);
  const current = await user.get<MeetingDetailDto>(`/api/meetings/${meeting.id}`);
  return ok<MeetingDetailDto>(
    user.post(`/api/meetings/${meeting.id}/transitions`, { transition: name, version: current.version }),
  );
}

/** A live note through the REST twin of the socket message (after the user's acknowledgement). */
export async function restNote(
  api: Api,
  email: string,
  meeting: MeetingDetailDto,
  note: { category: string; sensitivity: string; text: string },
): Promise<void> {
  const user = await api.as(email);
  await ok(user.post(`/api/meetings/${meeting.id}/join`, { confidentialityAccepted: true }));
  await ok(
    user.post(`/api/meetings/${meeting.id}/notes`, {
      ...note,
      agendaItemId: meeting.agenda[0].id,
      idempotencyKey: randomUUID(),
    }),
  );
}

export type { MinutesDto };
