// argon2id password hashing (OWASP's recommended parameters are @node-rs/argon2's defaults).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so response time does not reveal which emails exist. */
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-timing-equaliser');
  await verifyPassword(await dummyHash, plain);
}
