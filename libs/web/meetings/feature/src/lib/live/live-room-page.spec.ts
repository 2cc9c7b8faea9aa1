import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_SERVER_EVENTS,
  type AgendaItemDto,
  type LiveAck,
  type LiveStateDto,
  type MeetingDetailDto,
} from '@casustafel/shared/contracts';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from '@casustafel/web/meetings/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { textOf, tick } from '../testing/page-harness';
import { LiveRoomPage } from './live-room-page';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Empty {}

const POL = { id: 'o-pol', name: 'Politie', partnerType: 'POLITIE' as const };
const GGZ = { id: 'o-ggz', name: 'GGZ', partnerType: 'GGZ_ZORGAANBIEDER' as const };

const item = (id: string, order: number, extra: Partial<AgendaItemDto> = {}): AgendaItemDto => ({
  id,
  order,
  timeboxMinutes: 10,
  restricted: false,
  caseId: `c-${id}`,
  caseNumber: `MH-2026-000${order}`,
  invited: [{ ...POL, basis: 'MEMBER' }],
  carriedActions: [],
  ...extra,
});

const meeting = (extra: Partial<MeetingDetailDto> = {}): MeetingDetailDto => ({
  id: 'm1',
  tableId: 't1',
  tableName: 'Mensenhandel',
  type: 'CASUSOVERLEG',
  scheduledAt: '2026-12-01T09:00:00Z',
  durationMinutes: 60,
  location: 'Zaal 2',
  onlineLink: null,
  chair: { id: 'u1', displayName: 'Vera', organisationId: 'o-zvh' },
  minuteTaker: null,
  status: 'LIVE',
  itemCount: 2,
  myRole: 'MEMBER',
  version: 1,
  agenda: [item('a1', 1), item('a2', 2, { restricted: true, caseId: null, caseNumber: null, invited: [] })],
  attendance: [],
  can: { edit: false, transition: [], join: true, chair: false, editMinutes: false },
  ...extra,
});

const state = (extra: Partial<LiveStateDto> = {}): LiveStateDto => ({
  meeting: meeting(),
  seq: 3,
  currentAgendaItemId: 'a1',
  timer: null,
  notes: [],
  decisions: [],
  actions: [],
  presence: [{ organisation: POL, users: 2, guest: false }],
  guest: false,
  ...extra,
});

class FakeSocket implements LiveSocket {
  active = true;
  readonly sent: Array<{ event: string; payload: Record<string, unknown>; answer: (a: LiveAck) => void }> = [];
  private readonly listeners = new Map<string, Array<(...args: never[]) => void>>();
  on(event: string, listener: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emitWithAck(event: string, payload: unknown): Promise<LiveAck> {
    return new Promise((answer) => this.sent.push({ event, payload: payload as Record<string, unknown>, answer }));
  }
  connect(): void {
    this.fire('connect');
  }
  disconnect(): void {
    this.active = false;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) {
      (l as (...a: unknown[]) => void)(...args);
    }
  }
  last(event: string) {
    return [...this.sent].reverse().find((s) => s.event === event);
  }
}

describe('LiveRoomPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeSocket;
  let sockets: number;
  const root = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await harness.fixture.whenStable();
    await tick();
    await harness.fixture.whenStable();
  };

  beforeEach(async () => {
    socket = new FakeSocket();
    sockets = 0;
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'overleggen/:meetingId/live', component: LiveRoomPage },
            { path: 'overleggen/:meetingId', component: Empty },
            { path: 'inloggen', component: Empty },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        {
          provide: LIVE_SOCKET_FACTORY,
          useValue: () => {
            sockets += 1;
            return Promise.resolve(socket);
          },
        },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
  });

  afterEach(() => {
    http.verify();
    harness.fixture.nativeElement.remove();
  });

  async function open(detail = meeting()): Promise<void> {
    await harness.navigateByUrl('/overleggen/m1/live', LiveRoomPage);
    http.expectOne('/api/meetings/m1').flush(detail);
    await settle();
  }

  async function join(snapshot = state()): Promise<void> {
    root().querySelector<HTMLInputElement>('#conf-accept')?.click();
    root().querySelector<HTMLButtonElement>('[data-testid="join"]')?.click();
    await settle();
    socket.last(LIVE_CLIENT_EVENTS.join)?.answer({ ok: true, data: snapshot });
    await tick();
    socket.last(LIVE_CLIENT_EVENTS.resync)?.answer({ ok: true, data: [] });
    await settle();
  }

  it('asks for the confidentiality statement in Dutch and English before connecting', async () => {
    await open();
    const dialog = root().querySelector('[data-testid="confidentiality-dialog"]');
    expect(textOf(dialog)).toContain('need-to-know');
    expect(dialog?.querySelector('[lang="en"]')).not.toBeNull();
    expect(sockets).toBe(0);

    root().querySelector<HTMLButtonElement>('[data-testid="join"]')?.click();
    await settle();
    expect(textOf(dialog)).toContain('Bevestig de geheimhoudingsverklaring om deel te nemen.');
    expect(sockets).toBe(0);

    await join();
    expect(sockets).toBe(1);
    expect(socket.last(LIVE_CLIENT_EVENTS.join)?.payload).toEqual({ meetingId: 'm1', confidentialityAccepted: true });
    expect(textOf(root().querySelector('[data-testid="connection"]'))).toBe('Verbonden');
  });

  it('goes to the sign-in page, back here afterwards, when the session ended', async () => {
    await open();
    await join();
    socket.fire(LIVE_SERVER_EVENTS.removed, { reason: 'SESSION_ENDED' });
    await settle();
    const url = TestBed.inject(Router).url;
    expect(url.startsWith('/inloggen?')).toBe(true);
    expect(decodeURIComponent(url)).toContain('terug=/overleggen/m1/live');
  });

  it('tells a guest whose item is over that it waits, and lets it back in when its item is current', async () => {
    await open();
    await join(state({ guest: true }));
    socket.fire(LIVE_SERVER_EVENTS.removed, { meetingId: 'm1', reason: 'NOT_CURRENT_ITEM' });
    await settle();
    expect(textOf(root().querySelector('[data-testid="live-waiting"]'))).toContain('U komt vanzelf weer in het overleg');
    expect(root().querySelector('[data-testid="live-removed"]')).toBeNull();
    const joins = socket.sent.filter((m) => m.event === LIVE_CLIENT_EVENTS.join).length;
    socket.fire(LIVE_SERVER_EVENTS.event, { meetingId: 'm1', seq: 9, at: '', type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a1' });
    await settle();
    expect(socket.sent.filter((m) => m.event === LIVE_CLIENT_EVENTS.join)).toHaveLength(joins + 1);
    socket.last(LIVE_CLIENT_EVENTS.join)?.answer({ ok: true, data: state({ guest: true, seq: 9 }) });
    await tick();
    socket.last(LIVE_CLIENT_EVENTS.resync)?.answer({ ok: true, data: { seq: 9, events: [] } });
    await settle();
    expect(root().querySelector('[data-testid="live-waiting"]')).toBeNull();
    expect(textOf(root().querySelector('[data-testid="connection"]'))).toBe('Verbonden');
  });

  it('shows the current item, presence, and a restricted item without its case', async () => {
    await open();
    await join();
    expect(textOf(root().querySelector('#live-item-heading'))).toContain('Agendapunt 1: MH-2026-0001');
    expect(textOf(root().querySelector('[data-testid="presence"]'))).toContain('Politie — 2 deelnemer(s)');
    const agenda = [...root().querySelectorAll('[data-testid="live-agenda-item"]')].map(textOf);
    expect(agenda[1]).toContain('Agendapunt (niet gedeeld met uw organisatie)');
    expect(agenda[1]).not.toContain('MH-');
    // Not the chair: no chair controls, no decision or action forms.
    expect(root().querySelector('[data-testid="chair-controls"]')).toBeNull();
    expect(root().querySelector('[data-testid="decision-form"]')).toBeNull();
    expect(root().querySelector('[data-testid="note-form"]')).not.toBeNull();
  });

  it('adds pushed notes live, a summary note without its text', async () => {
    await open();
    await join();
    socket.fire(LIVE_SERVER_EVENTS.event, {
      meetingId: 'm1',
      seq: 4,
      at: '',
      type: 'NOTE_ADDED',
      note: {
        id: 'n1',
        agendaItemId: 'a1',
        category: 'C4',
        sensitivity: 'GEVOELIG',
        visibility: 'SUMMARY',
        text: null,
        authorOrganisation: GGZ,
        createdAt: '2026-12-01T09:05:00Z',
      },
    });
    await settle();
    expect(textOf(root().querySelector('[data-testid="live-notes"]'))).toContain(
      'Notitie van GGZ (Zorg en gezondheid): niet zichtbaar voor uw organisatie.',
    );
  });

  it('shows a guest organisation its badge', async () => {
    await open();
    await join(state({ guest: true }));
    expect(textOf(root().querySelector('[data-testid="guest-badge"]'))).toBe('Gast');
  });

  it('names the refused fields of a note to its author and resends it with the same key', async () => {
    await open();
    await join();
    const select = root().querySelector<HTMLSelectElement>('#note-category') as HTMLSelectElement;
    select.value = 'C5';
    select.dispatchEvent(new Event('change'));
    const text = root().querySelector<HTMLTextAreaElement>('#note-text') as HTMLTextAreaElement;
    text.value = 'Verhoor gepland';
    text.dispatchEvent(new Event('input'));
    root().querySelector<HTMLFormElement>('[data-testid="note-form"]')?.dispatchEvent(new Event('submit'));
    await settle();

    const sent = socket.last(LIVE_CLIENT_EVENTS.note);
    expect(sent?.payload).toEqual(
      expect.objectContaining({ agendaItemId: 'a1', category: 'C5', text: 'Verhoor gepland', sensitivity: 'NORMAAL' }),
    );
    sent?.answer({
      ok: false,
      problem: { status: 400, title: 'Bad Request', errors: [{ field: 'category', code: 'isIn', message: 'x' }] },
    });
    await settle();
    const failed = root().querySelector('[data-testid="live-write"][data-status="failed"]');
    expect(textOf(failed)).toContain('Notitie: Verhoor gepland');
    expect(textOf(failed)).toContain('Niet opgeslagen: Gegevenscategorie: Maak een keuze.');

    [...(failed?.querySelectorAll('button') ?? [])].find((b) => textOf(b) === 'Opnieuw versturen')?.click();
    await settle();
    const again = socket.last(LIVE_CLIENT_EVENTS.note);
    expect(again).not.toBe(sent);
    expect(again?.payload['idempotencyKey']).toBe(sent?.payload['idempotencyKey']);
  });

  it('gives the chair the item and timer controls', async () => {
    await open(meeting({ can: { edit: true, transition: [], join: true, chair: true, editMinutes: false } }));
    await join(
      state({
        meeting: meeting({ can: { edit: true, transition: [], join: true, chair: true, editMinutes: false } }),
        timer: { agendaItemId: 'a1', running: false, startedAt: null, elapsedSeconds: 660 },
      }),
    );
    expect(textOf(root().querySelector('[data-testid="timer"]'))).toContain('11:00 van 10:00');
    expect(textOf(root().querySelector('[data-testid="timer"]'))).toContain('Tijd overschreden met 1:00');
    const buttons = [...root().querySelectorAll<HTMLButtonElement>('[data-testid="chair-controls"] button')];
    buttons.find((b) => textOf(b) === 'Volgend agendapunt')?.click();
    await settle();
    expect(socket.last(LIVE_CLIENT_EVENTS.currentItem)?.payload).toEqual(
      expect.objectContaining({ meetingId: 'm1', agendaItemId: 'a2' }),
    );
    buttons.find((b) => textOf(b) === 'Timer starten')?.click();
    await settle();
    // The chair's commands go one at a time: the timer waits for the item change's acknowledgement.
    expect(socket.sent.some((s) => s.event === LIVE_CLIENT_EVENTS.timer)).toBe(false);
    socket.last(LIVE_CLIENT_EVENTS.currentItem)?.answer({ ok: true, seq: 6 });
    await settle();
    expect(socket.last(LIVE_CLIENT_EVENTS.timer)?.payload).toEqual(
      expect.objectContaining({ agendaItemId: 'a1', command: 'START' }),
    );
    expect(root().querySelector('[data-testid="action-form"]')).not.toBeNull();
  });
});
