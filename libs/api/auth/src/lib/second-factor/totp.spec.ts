import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp';

// RFC 6238 appendix B, SHA-1 seed, 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC test vector at T=%i', (seconds, expected) => {
    expect(totp(RFC_SECRET, seconds * 1000, 8)).toBe(expected);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((c) => hotp(RFC_SECRET, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts the current code and one step of drift, but nothing older or reused', () => {
    const now = 1_764_000_000_000;
    const code = totp(RFC_SECRET, now);
    const step = verifyTotp(RFC_SECRET, code, now, null);
    expect(step).not.toBeNull();
    expect(verifyTotp(RFC_SECRET, code, now + 30_000, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, code, now + 61_000, null)).toBeNull();
    // Replay of the same code after it was used:
    expect(verifyTotp(RFC_SECRET, code, now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, '12345', now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, 'abcdef', now, null)).toBeNull();
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow();
  });

  it('builds an otpauth URI apps understand', () => {
    expect(otpauthUri('Casustafel', 'a@b.nl', 'MZXW6YTBOI')).toBe(
      'otpauth://totp/Casustafel:a%40b.nl?secret=MZXW6YTBOI&issuer=Casustafel&algorithm=SHA1&digits=6&period=30',
    );
  });
});
