import { checkPassword } from './password-policy';

const person = { email: 'jan.fictief@gemeente.example', displayName: 'Jan Fictief (fictief)' };
const codes = (password: string, extra: Partial<typeof person & { currentPassword: string }> = {}) =>
  checkPassword(password, { ...person, ...extra }).map((p) => p.code);

describe('password policy', () => {
  it('accepts a long, unrelated passphrase', () => {
    expect(codes('paars-fietsje-onder-de-brug')).toEqual([]);
    expect(codes('Casustafel-demo-2026')).toEqual([]);
  });

  it('names each rule that failed', () => {
    expect(codes('kort')).toEqual(['passwordTooShort', 'passwordTooSimple']);
    expect(codes('x'.repeat(129))).toEqual(['passwordTooLong', 'passwordTooCommon']);
    expect(codes('Welkom2026!!')).toEqual(['passwordTooCommon']);
    expect(codes('123456789012')).toEqual(['passwordTooCommon']);
    expect(codes('abababababab')).toEqual(['passwordTooSimple']);
    expect(codes('fictief-is-mijn-naam')).toEqual(['passwordContainsName']);
    expect(codes('lange-zin-met-woorden', { currentPassword: 'lange-zin-met-woorden' })).toEqual([
      'passwordUnchanged',
    ]);
  });

  it('reports against the field it is told', () => {
    expect(checkPassword('kort', { ...person }, 'password')[0]).toMatchObject({ field: 'password' });
  });
});
