import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig, EncryptionKey } from './app-config';

interface SecretsFile {
  encryptionKeys: Array<{ id: string; key: string }>;
  hashKey: string;
}

/**
 * Outside production, keys that are not configured are generated once and kept in
 * `DATA_DIR/secrets.json` (mode 0600), next to the embedded database they protect, so encrypted
 * data stays readable between runs. Production must configure ENCRYPTION_KEYS and HASH_KEY
 * (enforced by `loadAppConfig`).
 */
export function resolveSecrets(config: AppConfig): AppConfig {
  if (config.secrets.encryptionKeys && config.secrets.hashKey) {
    return config;
  }
  if (config.server.nodeEnv === 'production') {
    throw new Error('ENCRYPTION_KEYS and HASH_KEY must be configured in production');
  }
  const file = join(config.embedded.dataDir, 'secrets.json');
  let stored: SecretsFile;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  } else {
    stored = {
      encryptionKeys: [{ id: 'local1', key: randomBytes(32).toString('base64') }],
      hashKey: randomBytes(32).toString('base64'),
    };
    mkdirSync(config.embedded.dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    ...config,
    secrets: {
      encryptionKeys:
        config.secrets.encryptionKeys ??
        stored.encryptionKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })),
      hashKey: config.secrets.hashKey ?? Buffer.from(stored.hashKey, 'base64'),
    },
  };
}

/** The resolved keys; throws when `resolveSecrets` was not applied (a wiring error). */
export function requireSecrets(config: AppConfig): { encryptionKeys: EncryptionKey[]; hashKey: Buffer } {
  const { encryptionKeys, hashKey } = config.secrets;
  if (!encryptionKeys || !hashKey) {
    throw new Error('Secrets are not resolved: call resolveSecrets(config) at start-up');
  }
  return { encryptionKeys, hashKey };
}
