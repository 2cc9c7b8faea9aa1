import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_HEADER } from '@casustafel/shared/contracts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AgentResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
  /** The body's bytes, for binary downloads (PDF). */
  raw: Buffer;
}

/**
 * A browser stand-in for integration tests: keeps cookies between requests (like a browser with
 * SameSite=Strict cookies on one origin) and echoes the CSRF cookie in the header, as the web app
 * does. Requests go through Fastify's `inject`, i.e. the whole real HTTP stack without a socket.
 */
export class TestAgent {
  readonly cookies = new Map<string, string>();
  /** Set to false to send state-changing requests without the CSRF header. */
  sendCsrf = true;
  /** Extra headers for every request, e.g. `user-agent`. */
  readonly headers: Record<string, string> = {};

  constructor(private readonly app: NestFastifyApplication) {}

  get<T = unknown>(url: string, headers: Record<string, string> = {}): Promise<AgentResponse<T>> {
    return this.request<T>('GET', url, undefined, headers);
  }

  post<T = unknown>(
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<AgentResponse<T>> {
    return this.request<T>('POST', url, body, headers);
  }

  put<T = unknown>(
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<AgentResponse<T>> {
    return this.request<T>('PUT', url, body, headers);
  }

  delete<T = unknown>(url: string, headers: Record<string, string> = {}): Promise<AgentResponse<T>> {
    return this.request<T>('DELETE', url, undefined, headers);
  }

  cookie(suffix: string): string | undefined {
    for (const [name, value] of this.cookies) {
      if (name === suffix || name.endsWith(`_${suffix}`) || name.endsWith(suffix)) {
        return value;
      }
    }
    return undefined;
  }

  async request<T = unknown>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<AgentResponse<T>> {
    const all: Record<string, string> = { ...this.headers, ...headers };
    if (this.cookies.size > 0) {
      all['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const csrf = this.cookie('cst_csrf');
    if (method !== 'GET' && this.sendCsrf && csrf && !(CSRF_HEADER in all)) {
      all[CSRF_HEADER] = csrf;
    }
    const response = await this.app.inject({
      method,
      url,
      headers: all,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    this.store(response.headers['set-cookie']);
    let parsed: unknown = undefined;
    if (response.body && String(response.headers['content-type'] ?? '').includes('json')) {
      parsed = JSON.parse(response.body);
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parsed as T,
      text: response.body,
      raw: response.rawPayload,
    };
  }

  private store(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      const expired = attributes.some(
        (a) =>
          /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()),
      );
      if (expired || value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }
}
