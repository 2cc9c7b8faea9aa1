import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane): about 30 ms here.
 * Unknown accounts are checked against a dummy hash, so the answer takes as long as for a real
 * account and timing does not reveal which e-mail addresses exist.
 */
@Injectable()
export class PasswordHasher {
  private static readonly OPTIONS = {
    type: argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  } as const;
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.OPTIONS);
  }

  /** False for a missing hash too, after spending the same time. */
  async verify(storedHash: string | null | undefined, password: string): Promise<boolean> {
    if (!storedHash) {
      this.dummy ??= this.hash('casustafel-timing-equaliser');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(storedHash, password).catch(() => false);
  }
}
