export type HealthStatus = 'ok' | 'unavailable';

export interface HealthResponse {
  status: HealthStatus;
  /** Release of the running server. */
  version: string;
  /** Seconds since the process started. */
  uptimeSeconds: number;
  checks: {
    database: {
      status: 'up' | 'down';
      /** Round-trip of `select 1` in milliseconds, when up. */
      latencyMs?: number;
    };
  };
}

/** `GET /api/health/live`: the process is up; says nothing about the database. */
export interface LivenessResponse {
  status: 'ok';
}
