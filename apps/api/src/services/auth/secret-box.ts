// Seals small secrets at rest (TOTP keys) with AES-256-GCM under AUTH_ENCRYPTION_KEY, so a database
// dump alone cannot mint second-factor codes. Production refuses to start without a key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../env.js';

export interface SecretBox {
  seal(plain: Uint8Array): string;
  open(sealed: string): Uint8Array;
}

function keyFrom(config: Pick<Config, 'AUTH_ENCRYPTION_KEY' | 'NODE_ENV'>): Buffer {
  const given = config.AUTH_ENCRYPTION_KEY;
  if (given) return /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
  if (config.NODE_ENV === 'production') throw new Error('AUTH_ENCRYPTION_KEY must be set in production (32 bytes, hex or base64).');
  return createHash('sha256').update('marketdesk development key — never used in production').digest();
}

export function createSecretBox(config: Pick<Config, 'AUTH_ENCRYPTION_KEY' | 'NODE_ENV'>): SecretBox {
  const key = keyFrom(config);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]));
    },
  };
}
