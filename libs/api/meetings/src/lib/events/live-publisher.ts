import { Injectable } from '@nestjs/common';
import type { StoredMeetingEvent } from './meeting-events';

type Listener = (events: readonly StoredMeetingEvent[]) => void;

/**
 * After a transaction that appended meeting events commits, the service hands them here; the live
 * room's gateway listens and pushes each organisation its projection (never the raw event). Call it
 * only after commit: an event that rolled back must never be pushed.
 */
@Injectable()
export class LivePublisher {
  private readonly listeners = new Set<Listener>();

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  published(events: readonly StoredMeetingEvent[]): void {
    if (events.length === 0) {
      return;
    }
    for (const listener of this.listeners) {
      listener(events);
    }
  }
}
