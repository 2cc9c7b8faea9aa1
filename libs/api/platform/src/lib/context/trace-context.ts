import { randomBytes, randomUUID } from 'node:crypto';
/** A W3C trace: the trace id, and the caller's span when the caller sent one. */
export interface TraceContext {
  traceId: string;
  /** The caller's span (from `traceparent`), the parent of what we log. */
  parentSpanId?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/**
 * W3C Trace Context: continue the caller's trace when it sends a valid `traceparent`, else start
 * one. The audit log (Logboek Dataverwerkingen) records trace and span ids from here.
 */
export function traceFromHeader(header: string | string[] | undefined): TraceContext {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? TRACEPARENT.exec(value.trim().toLowerCase()) : null;
  if (match && !/^0+$/.test(match[1]) && !/^0+$/.test(match[2])) {
    return { traceId: match[1], parentSpanId: match[2] };
  }
  // randomUUID draws from a cached entropy pool: much cheaper per request than randomBytes(16).
  return { traceId: randomUUID().replace(/-/g, '') };
}

export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}
