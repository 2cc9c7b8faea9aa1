import { randomBytes } from 'node:crypto';
import { KeyedHasher } from './keyed-hasher';
import { SecretBox } from './secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('opens what it sealed, in the same context only', () => {
    const box = new SecretBox([key('a')]);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:user-1');
    expect(box.openText(sealed, 'totp:user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'totp:user-2')).toThrow();
  });

  it('never produces the same ciphertext twice and detects tampering', () => {
    const box = new SecretBox([key('a')]);
    const one = box.seal('x', 'c');
    expect(box.seal('x', 'c').equals(one)).toBe(false);
    const tampered = Buffer.from(one);
    tampered[tampered.length - 1] ^= 1;
    expect(() => box.open(tampered, 'c')).toThrow();
  });

  it('rotates: new data uses the newest key, old data still opens with the old one', () => {
    const old = key('2025');
    const sealedWithOld = new SecretBox([old]).seal('geheim', 'c');
    const rotated = new SecretBox([key('2026'), old]);
    expect(rotated.keyIdOf(sealedWithOld)).toBe('2025');
    expect(rotated.openText(sealedWithOld, 'c')).toBe('geheim');
    expect(rotated.keyIdOf(rotated.seal('nieuw', 'c'))).toBe('2026');
    expect(() => new SecretBox([key('2026')]).open(sealedWithOld, 'c')).toThrow(/No key with id 2025/);
  });
});

describe('KeyedHasher', () => {
  it('depends on key and purpose', () => {
    const k = randomBytes(32);
    const hasher = new KeyedHasher(k);
    expect(hasher.hex('bsn', '123456782')).toBe(new KeyedHasher(k).hex('bsn', '123456782'));
    expect(hasher.hex('bsn', '123456782')).not.toBe(hasher.hex('audit', '123456782'));
    expect(hasher.hex('bsn', '123456782')).not.toBe(new KeyedHasher(randomBytes(32)).hex('bsn', '123456782'));
  });
});
