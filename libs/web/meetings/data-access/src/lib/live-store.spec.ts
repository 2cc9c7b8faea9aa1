import { LiveStore } from './live-store';
import { MEETING_ID, action, decision, event, liveState, note, noteAdded } from './testing/live-fixtures';

describe('LiveStore', () => {
  let store: LiveStore;

  beforeEach(() => {
    store = new LiveStore();
    store.reset(liveState({ seq: 5 }));
  });

  it('ignores events before a snapshot exists', () => {
    const empty = new LiveStore();
    expect(empty.apply(noteAdded(1, 'n1'))).toBe(false);
    expect(empty.state()).toBeNull();
  });

  it('applies a newer event and advances the sequence number', () => {
    expect(store.apply(noteAdded(6, 'n1'))).toBe(true);
    expect(store.lastSeq()).toBe(6);
    expect(store.notes().map((n) => n.id)).toEqual(['n1']);
  });

  it('ignores events the snapshot holds already, and duplicates', () => {
    expect(store.apply(noteAdded(5, 'old'))).toBe(false);
    expect(store.apply(noteAdded(3, 'older'))).toBe(false);
    store.apply(noteAdded(6, 'n1'));
    expect(store.apply(noteAdded(6, 'n1'))).toBe(false);
    expect(store.notes()).toHaveLength(1);
    expect(store.lastSeq()).toBe(6);
  });

  it('applies an additive event that arrives after a higher number (pushes of two instances interleave)', () => {
    expect(store.apply(noteAdded(8, 'n2'))).toBe(true);
    expect(store.apply(noteAdded(7, 'n1'))).toBe(true);
    expect(store.apply(event(6, { type: 'DECISION_RECORDED', decision: decision('d1') }))).toBe(true);
    expect(store.notes().map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    expect(store.decisions().map((d) => d.id)).toEqual(['d1']);
    expect(store.lastSeq()).toBe(8);
    // Still once only.
    expect(store.apply(noteAdded(7, 'n1'))).toBe(false);
    expect(store.notes()).toHaveLength(2);
  });

  it('does not let a late state-setting event undo a newer one of the same kind', () => {
    store.apply(event(8, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a2' }));
    expect(store.apply(event(7, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a1' }))).toBe(false);
    expect(store.state()?.currentAgendaItemId).toBe('a2');

    store.apply(event(10, { type: 'STATUS_CHANGED', status: 'AFGEROND' }));
    expect(store.apply(event(9, { type: 'STATUS_CHANGED', status: 'LIVE' }))).toBe(false);
    expect(store.meeting()?.status).toBe('AFGEROND');

    const timer = (running: boolean) => ({ agendaItemId: 'a2', running, startedAt: null, elapsedSeconds: 5 });
    store.apply(event(12, { type: 'TIMER_CHANGED', timer: timer(false) }));
    expect(store.apply(event(11, { type: 'TIMER_CHANGED', timer: timer(true) }))).toBe(false);
    expect(store.timer()?.running).toBe(false);

    store.apply(event(14, { type: 'AGENDA_CHANGED', agenda: [liveState().meeting.agenda[1]] }));
    expect(store.apply(event(13, { type: 'AGENDA_CHANGED', agenda: liveState().meeting.agenda }))).toBe(false);
    expect(store.agenda().map((a) => a.id)).toEqual(['a2']);
    expect(store.lastSeq()).toBe(14);
  });

  it('keys attendance by organisation: a late event of another organisation still applies', () => {
    const attendance = (id: string, status: 'PRESENT' | 'APOLOGY' | 'INFO_SENT') => ({
      organisation: { id, name: id, partnerType: 'GGZ_ZORGAANBIEDER' as const },
      status,
      guest: false,
      note: null,
    });
    store.apply(event(8, { type: 'ATTENDANCE_CHANGED', attendance: attendance('o-ggz', 'APOLOGY') }));
    expect(store.apply(event(7, { type: 'ATTENDANCE_CHANGED', attendance: attendance('o-pol', 'PRESENT') }))).toBe(true);
    expect(store.apply(event(6, { type: 'ATTENDANCE_CHANGED', attendance: attendance('o-ggz', 'PRESENT') }))).toBe(false);
    expect(Object.fromEntries(store.attendance().map((a) => [a.organisation.id, a.status]))).toEqual({
      'o-ggz': 'APOLOGY',
      'o-pol': 'PRESENT',
    });
  });

  it('keys actions by id: a late creation does not undo a change, a late change of another action applies', () => {
    store.apply(event(9, { type: 'ACTION_CHANGED', action: action('x1', { status: 'IN_UITVOERING', version: 2 }) }));
    expect(store.apply(event(8, { type: 'ACTION_CREATED', action: action('x1') }))).toBe(false);
    expect(store.apply(event(7, { type: 'ACTION_CREATED', action: action('x2') }))).toBe(true);
    expect(store.actions().map((a) => [a.id, a.status])).toEqual([
      ['x1', 'IN_UITVOERING'],
      ['x2', 'OPEN'],
    ]);
    // The late creation counts as applied: it does not come back.
    expect(store.apply(event(8, { type: 'ACTION_CREATED', action: action('x1') }))).toBe(false);
  });

  it('resyncs from the number up to which it has everything, not from the highest one seen', () => {
    store.apply(noteAdded(9, 'n2'));
    expect(store.resyncFrom()).toBe(5);
    store.beginResync();
    store.endResync([noteAdded(7, 'n1'), noteAdded(9, 'n2')], 10);
    expect(store.notes().map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    expect(store.resyncFrom()).toBe(10);
    // Below the resync's number: known complete, ignored.
    expect(store.apply(noteAdded(8, 'late'))).toBe(false);
  });

  it('does not wait for numbers the projection left out (gaps are normal)', () => {
    store.apply(noteAdded(9, 'n1'));
    store.apply(noteAdded(14, 'n2'));
    expect(store.notes().map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(store.lastSeq()).toBe(14);
  });

  it('ignores events of another meeting', () => {
    expect(store.apply({ ...noteAdded(6, 'n1'), meetingId: 'other' })).toBe(false);
    expect(store.lastSeq()).toBe(5);
  });

  it('applies a batch in sequence order and drops its duplicates', () => {
    const applied = store.applyAll([noteAdded(8, 'n3'), noteAdded(6, 'n1'), noteAdded(7, 'n2'), noteAdded(7, 'n2')]);
    expect(applied).toBe(3);
    expect(store.notes().map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(store.lastSeq()).toBe(8);
  });

  it('holds pushed events back during a resync and applies them with its answer, in order', () => {
    store.beginResync();
    // Pushed while the resync request is out: newer than what the resync will bring.
    store.receive(noteAdded(9, 'n4'));
    store.receive(noteAdded(8, 'n3'));
    expect(store.notes()).toEqual([]);
    expect(store.resyncing).toBe(true);

    // The answer brings the missed events, overlapping with the pushed one.
    store.endResync([noteAdded(6, 'n1'), noteAdded(7, 'n2'), noteAdded(8, 'n3')]);

    expect(store.resyncing).toBe(false);
    expect(store.notes().map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(store.lastSeq()).toBe(9);
    store.receive(noteAdded(10, 'n5'));
    expect(store.notes()).toHaveLength(5);
  });

  it('ends a resync after a reconnect with exactly the server state, whatever was seen twice', () => {
    store.applyAll([noteAdded(6, 'n1'), noteAdded(7, 'n2')]);
    store.beginResync();
    store.endResync([noteAdded(6, 'n1'), noteAdded(7, 'n2'), noteAdded(8, 'n3')]);
    expect(store.notes().map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
  });

  it('applies every event type of the projection', () => {
    store.applyAll([
      event(6, { type: 'STATUS_CHANGED', status: 'AFGEROND' }),
      event(7, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a2' }),
      event(8, {
        type: 'TIMER_CHANGED',
        timer: { agendaItemId: 'a2', running: true, startedAt: '2026-12-01T09:20:00Z', elapsedSeconds: 30 },
      }),
      event(9, {
        type: 'ATTENDANCE_CHANGED',
        attendance: {
          organisation: { id: 'o-ggz', name: 'GGZ', partnerType: 'GGZ_ZORGAANBIEDER' },
          status: 'APOLOGY',
          guest: false,
          note: null,
        },
      }),
      event(10, {
        type: 'DECISION_RECORDED',
        decision: {
          id: 'd1',
          agendaItemId: 'a1',
          caseId: 'case-a1',
          type: 'PLAN_VASTGESTELD',
          text: 'Plan vastgesteld',
          decidedAt: '2026-12-01T09:21:00Z',
        },
      }),
      event(11, { type: 'ACTION_CREATED', action: action('x1') }),
      event(12, { type: 'ACTION_CHANGED', action: action('x1', { status: 'IN_UITVOERING', version: 2 }) }),
      event(13, { type: 'AGENDA_CHANGED', agenda: [liveState().meeting.agenda[1]] }),
    ]);

    expect(store.meeting()?.status).toBe('AFGEROND');
    expect(store.state()?.currentAgendaItemId).toBe('a2');
    expect(store.timer()?.running).toBe(true);
    expect(store.attendance()).toEqual([expect.objectContaining({ status: 'APOLOGY' })]);
    expect(store.decisions().map((d) => d.id)).toEqual(['d1']);
    expect(store.actions()).toEqual([expect.objectContaining({ id: 'x1', status: 'IN_UITVOERING' })]);
    expect(store.agenda().map((a) => a.id)).toEqual(['a2']);
    expect(store.currentItem()?.restricted).toBe(true);
    expect(store.lastSeq()).toBe(13);
  });

  it('replaces an attendance entry of the same organisation instead of adding one', () => {
    const attendance = (status: 'PRESENT' | 'INFO_SENT') => ({
      organisation: { id: 'o-ggz', name: 'GGZ', partnerType: 'GGZ_ZORGAANBIEDER' as const },
      status,
      guest: false,
      note: null,
    });
    store.apply(event(6, { type: 'ATTENDANCE_CHANGED', attendance: attendance('PRESENT') }));
    store.apply(event(7, { type: 'ATTENDANCE_CHANGED', attendance: attendance('INFO_SENT') }));
    expect(store.attendance().map((a) => a.status)).toEqual(['INFO_SENT']);
  });

  it('keeps an entity once when it arrives in two different events', () => {
    store.apply(event(6, { type: 'NOTE_ADDED', note: note('n1') }));
    store.apply(event(7, { type: 'NOTE_ADDED', note: note('n1', 'a1', { text: 'bijgewerkt' }) }));
    expect(store.notes()).toEqual([expect.objectContaining({ id: 'n1', text: 'bijgewerkt' })]);
  });

  it('shows only what the projection sent: a summary note stays a summary, a restricted item stays restricted', () => {
    store.apply(event(6, { type: 'NOTE_ADDED', note: note('n1', 'a1', { visibility: 'SUMMARY', text: null }) }));
    expect(store.notes()[0]).toEqual(expect.objectContaining({ visibility: 'SUMMARY', text: null }));
    expect(store.agenda().find((a) => a.id === 'a2')).toEqual(
      expect.objectContaining({ restricted: true, caseNumber: null }),
    );
  });

  it('prefers the latest presence push over the snapshot', () => {
    store.reset(
      liveState({
        presence: [{ organisation: { id: 'o1', name: 'ZVH', partnerType: 'ZVH' }, users: 1, guest: false }],
      }),
    );
    expect(store.presence()).toHaveLength(1);
    store.setPresence([]);
    expect(store.presence()).toEqual([]);
    expect(MEETING_ID).toBe(store.meeting()?.id);
  });
});
