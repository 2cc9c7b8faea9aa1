import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor } from './actor';
import { UnauthenticatedError } from '../errors/app-error';
import { TraceContext, traceFromHeader } from './trace-context';

/** What one request (or one job) carries through every await. */
export interface RequestStore {
  correlationId: string;
  origin?: string;
  /** The caller's W3C `traceparent` header; parsed (or a trace started) on first use. */
  traceparent?: string | string[];
  trace?: TraceContext;
  actor?: Actor;
  /** The open transaction of this request, if any (TransactionRunner). */
  transaction?: unknown;
}

/**
 * One AsyncLocalStorage for the request context, entered by a Fastify `onRequest` hook
 * (configureHttpApp). Plain AsyncLocalStorage rather than nestjs-cls or request-scoped providers:
 * measured here, nestjs-cls cut the throughput of a no-op endpoint to a sixth, a hook with
 * `AsyncLocalStorage.run` costs nothing measurable (DESIGN-NOTES §1, docs/benchmarks.md).
 */
export const requestStorage = new AsyncLocalStorage<RequestStore>();

/** The request's context: correlation id, actor, client origin and W3C trace. */
@Injectable()
export class RequestContext {
  private get store(): RequestStore | undefined {
    return requestStorage.getStore();
  }

  get correlationId(): string {
    return this.store?.correlationId ?? 'none';
  }

  /** The authenticated actor; throws 401 when the request has none (a wiring error elsewhere). */
  get actor(): Actor {
    const actor = this.store?.actor;
    if (!actor) {
      throw new UnauthenticatedError();
    }
    return actor;
  }

  get actorOrUndefined(): Actor | undefined {
    return this.store?.actor;
  }

  setActor(actor: Actor | undefined): void {
    const store = this.store;
    if (store) {
      store.actor = actor;
    }
  }

  /** Client address as the server saw it (behind a proxy: the proxy's, unless trustProxy is set). */
  get origin(): string | undefined {
    return this.store?.origin;
  }

  /** The W3C trace of this request: the caller's, or a new one (made when first asked for). */
  get trace(): TraceContext | undefined {
    const store = this.store;
    if (store && !store.trace) {
      store.trace = traceFromHeader(store.traceparent);
    }
    return store?.trace;
  }

  get transaction(): unknown {
    return this.store?.transaction;
  }

  setTransaction(transaction: unknown): void {
    const store = this.store;
    if (store) {
      store.transaction = transaction;
    }
  }

  isActive(): boolean {
    return this.store !== undefined;
  }

  /** Runs work outside a request (a job, start-up work) with a context of its own. */
  run<T>(work: () => T, store: Partial<RequestStore> = {}): T {
    return requestStorage.run({ correlationId: randomUUID(), ...store }, work);
  }
}
