import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config/app-config';

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Authenticated encryption at rest (AES-256-GCM) with key rotation: every ciphertext names the key
 * that sealed it, new data uses the first (newest) key, and old keys keep opening old data until it
 * is re-encrypted. `context` is bound as associated data, so a ciphertext copied to another row or
 * column does not open there.
 *
 * Layout: version (1) | key id length (1) | key id | iv (12) | tag (16) | ciphertext
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly EncryptionKey[]) {
    if (keys.length === 0) {
      throw new Error('SecretBox needs at least one key');
    }
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  seal(plaintext: string | Buffer, context: string): Buffer {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const idBytes = Buffer.from(id, 'utf8');
    return Buffer.concat([
      Buffer.from([FORMAT_VERSION, idBytes.length]),
      idBytes,
      iv,
      cipher.getAuthTag(),
      body,
    ]);
  }

  open(sealed: Buffer, context: string): Buffer {
    if (sealed.length < 2 || sealed[0] !== FORMAT_VERSION) {
      throw new Error('Unknown ciphertext format');
    }
    const idEnd = 2 + sealed[1];
    const id = sealed.subarray(2, idEnd).toString('utf8');
    const key = this.byId.get(id);
    if (!key) {
      throw new Error(`No key with id ${id} is configured (ENCRYPTION_KEYS)`);
    }
    const iv = sealed.subarray(idEnd, idEnd + IV_BYTES);
    const tag = sealed.subarray(idEnd + IV_BYTES, idEnd + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(idEnd + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  openText(sealed: Buffer, context: string): string {
    return this.open(sealed, context).toString('utf8');
  }

  /** The id of the key that sealed this value: lets a rotation job find what to re-encrypt. */
  keyIdOf(sealed: Buffer): string {
    return sealed.subarray(2, 2 + sealed[1]).toString('utf8');
  }
}
