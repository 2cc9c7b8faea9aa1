import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Actor } from './actor';
import { UnauthenticatedError } from '../errors/app-error';

const ACTOR = 'actor';
const ORIGIN = 'origin';
const TRACE = 'trace';

export interface TraceContext {
  traceId: string;
  /** The caller's span (from `traceparent`), the parent of what we log. */
  parentSpanId?: string;
}

/**
 * The request's context in AsyncLocalStorage (nestjs-cls): correlation id, actor, client origin and
 * W3C trace. Cheaper than request-scoped providers (DESIGN-NOTES §1) and available to every layer.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get correlationId(): string {
    return this.cls.getId();
  }

  /** The authenticated actor; throws 401 when the request has none (a wiring error elsewhere). */
  get actor(): Actor {
    const actor = this.cls.get<Actor | undefined>(ACTOR);
    if (!actor) {
      throw new UnauthenticatedError();
    }
    return actor;
  }

  get actorOrUndefined(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get<Actor | undefined>(ACTOR) : undefined;
  }

  setActor(actor: Actor | undefined): void {
    this.cls.set(ACTOR, actor);
  }

  /** Client address as the server saw it (behind a proxy: the proxy's, unless trustProxy is set). */
  get origin(): string | undefined {
    return this.cls.isActive() ? this.cls.get<string | undefined>(ORIGIN) : undefined;
  }

  setOrigin(origin: string | undefined): void {
    this.cls.set(ORIGIN, origin);
  }

  get trace(): TraceContext | undefined {
    return this.cls.isActive() ? this.cls.get<TraceContext | undefined>(TRACE) : undefined;
  }

  setTrace(trace: TraceContext): void {
    this.cls.set(TRACE, trace);
  }

  isActive(): boolean {
    return this.cls.isActive();
  }
}
