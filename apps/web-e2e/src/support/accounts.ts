import { APIRequestContext, expect, request } from '@playwright/test';
import { createHmac, randomBytes } from 'node:crypto';

/** The demo password from the README (demo mode only). */
export const DEMO_PASSWORD = 'Casustafel-demo-2026';
export const DEMO = {
  procesregisseur: 'procesregisseur@demo.casustafel.example',
  voorzitter: 'voorzitter@demo.casustafel.example',
  casusregisseur: 'casusregisseur@demo.casustafel.example',
  politie: 'politie@demo.casustafel.example',
  zorgcoordinator: 'zorgcoordinator@demo.casustafel.example',
  triagist: 'triagist@demo.casustafel.example',
  fg: 'fg@demo.casustafel.example',
  beheerder: 'beheerder@demo.casustafel.example',
  om: 'om@demo.casustafel.example',
  ggz: 'ggz@demo.casustafel.example',
  contactpunt: 'contactpunt@demo.casustafel.example',
} as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.toUpperCase().replace(/[^A-Z2-7]/g, '')) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The code an authenticator app would show (RFC 6238). `stepsAhead` = 1 gives the next code, which
 * the server also accepts; a code is accepted only once, so two logins in one 30 s window use
 * the current and the next code.
 */
export function totp(secretBase32: string, stepsAhead = 0): string {
  const counter = Math.floor(Date.now() / 30_000) + stepsAhead;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** An API client with its own cookie jar, signed in like the web app does it (CSRF included). */
export class ApiUser {
  private constructor(private readonly context: APIRequestContext) {}

  static async signIn(
    baseURL: string,
    email: string,
    password: string,
  ): Promise<{ user: ApiUser; next: string }> {
    const context = await request.newContext({ baseURL });
    const user = new ApiUser(context);
    expect((await context.get('/api/auth/config')).ok()).toBe(true);
    const login = await user.post('/api/auth/login', { email, password });
    expect(login.status, await login.text()).toBe(200);
    return { user, next: (login.body as { next: string }).next };
  }

  async get<T>(url: string): Promise<T> {
    const response = await this.context.get(url);
    expect(response.ok(), `${url}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async post(
    url: string,
    data?: unknown,
  ): Promise<{ status: number; body: unknown; text: () => Promise<string> }> {
    const state = await this.context.storageState();
    const csrf = state.cookies.find((c) => c.name.endsWith('cst_csrf'))?.value ?? '';
    const response = await this.context.post(url, { data: data ?? {}, headers: { 'x-csrf-token': csrf } });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : undefined, text: async () => text };
  }

  async put(url: string, data?: unknown): Promise<{ status: number; body: unknown; text: () => Promise<string> }> {
    const state = await this.context.storageState();
    const csrf = state.cookies.find((c) => c.name.endsWith('cst_csrf'))?.value ?? '';
    const response = await this.context.put(url, { data: data ?? {}, headers: { 'x-csrf-token': csrf } });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : undefined, text: async () => text };
  }

  dispose(): Promise<void> {
    return this.context.dispose();
  }
}

export interface FreshAccount {
  email: string;
  displayName: string;
  password: string;
  totpSecret: string;
  recoveryCodes: string[];
}

/**
 * A new account (the beheerder creates it through the API) whose owner has already finished the
 * first login: second factor set up, temporary password replaced. Its own data, so journeys that
 * end sessions do not disturb each other (desktop and mobile run side by side).
 */
export async function freshAccount(
  baseURL: string,
  options: { organisation: RegExp; table: string; role: string; displayName?: string },
): Promise<FreshAccount> {
  const { user: admin } = await ApiUser.signIn(baseURL, DEMO.beheerder, DEMO_PASSWORD);
  try {
    const organisations = await admin.get<Array<{ id: string; name: string }>>('/api/admin/organisations');
    const tables = await admin.get<Array<{ id: string; name: string }>>('/api/admin/tables');
    const organisation = organisations.find((o) => options.organisation.test(o.name));
    const table = tables.find((t) => t.name === options.table);
    const suffix = randomBytes(4).toString('hex');
    const displayName = options.displayName ?? `Testpersoon ${suffix} (fictief)`;
    const created = await admin.post('/api/admin/users', {
      email: `e2e-${suffix}@test.casustafel.example`,
      displayName,
      organisationId: organisation?.id,
      roles: [{ tableId: table?.id, role: options.role }],
    });
    expect(created.status, await created.text()).toBe(201);
    const { user, temporaryPassword } = created.body as {
      user: { email: string };
      temporaryPassword: string;
    };

    const { user: owner, next } = await ApiUser.signIn(baseURL, user.email, temporaryPassword);
    expect(next).toBe('ENROL_SECOND_FACTOR');
    const enrolment = (await owner.post('/api/auth/second-factor/enrolment')).body as { secret: string };
    const confirmed = await owner.post('/api/auth/second-factor/enrolment/confirm', {
      code: totp(enrolment.secret),
    });
    expect(confirmed.status, await confirmed.text()).toBe(200);
    const password = `e2e-wachtwoord-${randomBytes(6).toString('hex')}`;
    const changed = await owner.post('/api/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: password,
    });
    expect((changed.body as { next: string }).next).toBe('DONE');
    await owner.dispose();
    return {
      email: user.email,
      displayName,
      password,
      totpSecret: enrolment.secret,
      recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes,
    };
  } finally {
    await admin.dispose();
  }
}
