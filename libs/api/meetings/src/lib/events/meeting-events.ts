import { queryRows } from '@casustafel/api/database';
import type { Actor } from '@casustafel/api/platform';
import type { LiveEventType } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

export interface NewMeetingEvent {
  meetingId: string;
  type: LiveEventType;
  agendaItemId?: string | null;
  /** The row the event is about (note = case_item, decision, action, organisation for attendance). */
  refId?: string | null;
  /** Codes and references only, never personal data: content is projected from its own table. */
  data?: Record<string, unknown>;
  /** Undefined for the system (a job). */
  actor?: Pick<Actor, 'userId' | 'organisationId'>;
  /** A client write's key: a retry with the same key returns the stored event and stores nothing. */
  idempotencyKey?: string | null;
  occurredAt: Date;
}

export interface StoredMeetingEvent {
  meetingId: string;
  seq: number;
  type: LiveEventType;
  agendaItemId: string | null;
  refId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * The event a client write already stored under its idempotency key, if any. Call it first, under
 * the meeting's row lock (`lockMeeting`), and answer with it instead of writing again.
 */
export async function storedByKey(
  em: EntityManager,
  meetingId: string,
  actor: Pick<Actor, 'userId'>,
  idempotencyKey: string,
): Promise<StoredMeetingEvent | undefined> {
  const rows = await em.query(
    `select meeting_id, seq, type, agenda_item_id, ref_id, data, occurred_at from meeting_event
      where meeting_id = $1 and actor_user_id = $2 and idempotency_key = $3`,
    [meetingId, actor.userId, idempotencyKey],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

/**
 * Appends one event to the meeting's log with the next sequence number, in the caller's
 * transaction (persist first, push after commit: DESIGN-NOTES §4). The meeting row is locked for
 * the rest of the transaction, so sequence numbers are gap-free and in commit order.
 */
export async function appendMeetingEvent(
  em: EntityManager,
  event: NewMeetingEvent,
): Promise<StoredMeetingEvent> {
  // queryRows: TypeORM answers an UPDATE … RETURNING with [rows, count].
  const rows = await queryRows<{ last_seq: string }>(
    em,
    'update meeting set last_seq = last_seq + 1 where id = $1 returning last_seq',
    [event.meetingId],
  );
  if (!rows[0]) {
    throw new Error('appendMeetingEvent: the meeting does not exist for this actor');
  }
  const seq = Number(rows[0].last_seq);
  const data = event.data ?? {};
  await em.query(
    `insert into meeting_event (meeting_id, seq, type, agenda_item_id, ref_id, data, actor_user_id,
       actor_organisation_id, idempotency_key, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.meetingId,
      seq,
      event.type,
      event.agendaItemId ?? null,
      event.refId ?? null,
      JSON.stringify(data),
      event.actor?.userId ?? null,
      event.actor?.organisationId ?? null,
      event.idempotencyKey ?? null,
      event.occurredAt,
    ],
  );
  return {
    meetingId: event.meetingId,
    seq,
    type: event.type,
    agendaItemId: event.agendaItemId ?? null,
    refId: event.refId ?? null,
    data,
    occurredAt: event.occurredAt,
  };
}

/** Events after `sinceSeq`, in order (for a resync; the caller projects them per organisation). */
export async function eventsSince(
  em: EntityManager,
  meetingId: string,
  sinceSeq: number,
): Promise<StoredMeetingEvent[]> {
  const rows = await em.query(
    `select meeting_id, seq, type, agenda_item_id, ref_id, data, occurred_at from meeting_event
      where meeting_id = $1 and seq > $2 order by seq`,
    [meetingId, sinceSeq],
  );
  return rows.map(toStored);
}

function toStored(row: {
  meeting_id: string;
  seq: string;
  type: LiveEventType;
  agenda_item_id: string | null;
  ref_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}): StoredMeetingEvent {
  return {
    meetingId: row.meeting_id,
    seq: Number(row.seq),
    type: row.type,
    agendaItemId: row.agenda_item_id,
    refId: row.ref_id,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}
