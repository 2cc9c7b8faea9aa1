import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 with the installation's HASH_KEY: pseudonyms for the audit log, matching keys for
 * persons, hashes of recovery codes. Without the key the hashes cannot be reversed by guessing
 * (a BSN has only 10^9 values, so a plain hash would not protect it).
 */
export class KeyedHasher {
  constructor(private readonly key: Buffer) {}

  /** `purpose` separates domains: the same input hashes differently per purpose. */
  digest(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.key).update(purpose).update('\u0000').update(value).digest();
  }

  hex(purpose: string, value: string): string {
    return this.digest(purpose, value).toString('hex');
  }
}
