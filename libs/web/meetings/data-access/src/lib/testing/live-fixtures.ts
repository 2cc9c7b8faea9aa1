import type {
  ActionDto,
  AgendaItemDto,
  DecisionDto,
  LiveEventDto,
  LiveNoteDto,
  LiveStateDto,
  MeetingDetailDto,
} from '@casustafel/shared/contracts';

export const MEETING_ID = 'm1';

export const agendaItem = (id: string, order: number, extra: Partial<AgendaItemDto> = {}): AgendaItemDto => ({
  id,
  order,
  timeboxMinutes: 15,
  restricted: false,
  caseId: `case-${id}`,
  caseNumber: `MH-2026-00${order}`,
  invited: [],
  carriedActions: [],
  ...extra,
});

export const meetingDetail = (extra: Partial<MeetingDetailDto> = {}): MeetingDetailDto => ({
  id: MEETING_ID,
  tableId: 't1',
  tableName: 'Mensenhandel',
  type: 'CASUSOVERLEG',
  scheduledAt: '2026-12-01T09:00:00Z',
  durationMinutes: 90,
  location: 'Zorg- en Veiligheidshuis, zaal 2',
  onlineLink: null,
  chair: { id: 'u-chair', displayName: 'Vera Voorzitter', organisationId: 'o-zvh' },
  minuteTaker: null,
  status: 'LIVE',
  itemCount: 2,
  myRole: 'CHAIR',
  version: 3,
  agenda: [agendaItem('a1', 1), agendaItem('a2', 2, { restricted: true, caseId: null, caseNumber: null })],
  attendance: [],
  can: { edit: true, transition: ['BEEINDIGEN'], join: true, chair: true, editMinutes: false },
  ...extra,
});

export const liveState = (extra: Partial<LiveStateDto> = {}): LiveStateDto => ({
  meeting: meetingDetail(),
  seq: 5,
  currentAgendaItemId: 'a1',
  timer: null,
  notes: [],
  decisions: [],
  actions: [],
  presence: [],
  guest: false,
  ...extra,
});

export const note = (id: string, agendaItemId = 'a1', extra: Partial<LiveNoteDto> = {}): LiveNoteDto => ({
  id,
  agendaItemId,
  category: 'C2',
  sensitivity: 'NORMAAL',
  visibility: 'FULL',
  text: `Notitie ${id}`,
  authorOrganisation: { id: 'o-pol', name: 'Politie', partnerType: 'POLITIE' },
  createdAt: '2026-12-01T09:05:00Z',
  ...extra,
});

export const decision = (id: string, extra: Partial<DecisionDto> = {}): DecisionDto => ({
  id,
  agendaItemId: 'a1',
  caseId: 'case-a1',
  type: 'PLAN_VASTGESTELD',
  text: `Besluit ${id}`,
  decidedAt: '2026-12-01T09:21:00Z',
  ...extra,
});

export const action = (id: string, extra: Partial<ActionDto> = {}): ActionDto => ({
  id,
  caseId: 'case-a1',
  caseNumber: 'MH-2026-001',
  meetingId: MEETING_ID,
  agendaItemId: 'a1',
  description: `Actie ${id}`,
  ownerOrganisation: { id: 'o-ggz', name: 'GGZ', partnerType: 'GGZ_ZORGAANBIEDER' },
  ownerUser: null,
  dueDate: '2026-12-15',
  status: 'OPEN',
  notDoneReason: null,
  statusNote: null,
  overdue: false,
  version: 1,
  can: { changeStatus: false, cancel: true },
  ...extra,
});

type Body = LiveEventDto extends infer E ? (E extends LiveEventDto ? Omit<E, 'meetingId' | 'seq' | 'at'> : never) : never;

/** An event of meeting m1 with sequence number `seq`. */
export const event = (seq: number, body: Body): LiveEventDto =>
  ({ meetingId: MEETING_ID, seq, at: '2026-12-01T09:10:00Z', ...body }) as LiveEventDto;

export const noteAdded = (seq: number, id: string, agendaItemId = 'a1'): LiveEventDto =>
  event(seq, { type: 'NOTE_ADDED', note: note(id, agendaItemId) });
