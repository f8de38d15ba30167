// Account security over real HTTP against PostgreSQL and Redis: email verification, password reset
// (single use, expiry, no enumeration), password change signing out other devices, TOTP two-factor
// (enrolment, sign-in with a code or a recovery code, replay refused), staff enrolment enforcement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, openSocket, registerUser, startApi, uniqueEmail, uniqueIp, until, waitFor, type CallResult, type OutputOf, type RunningApi } from './harness.js';
import { totpCode } from './fixtures/totp-codes.js';

let api: RunningApi;
let strict: RunningApi;
beforeAll(async () => {
  api = await startApi();
  strict = await startApi({ STAFF_2FA_REQUIRED: 'true' });
});
afterAll(async () => {
  await strict?.close();
  await api?.close();
});

/** A fresh client address per call: sign-in failures here must not lock 127.0.0.1 for other files. */
const fresh = () => ({ ip: uniqueIp(55) });

/** The second-factor challenge a sign-in answered with (failing the test when it signed in outright or failed). */
function challengeOf(res: CallResult<OutputOf<'auth.login'>>): string {
  if (res.data?.status !== 'two_factor_required') throw new Error(`expected a second-factor challenge, got ${JSON.stringify(res.data ?? res.error)}`);
  return res.data.challenge;
}

const sql = <T>(text: string, params: unknown[] = []) => api.app.db.orm.em.fork().getConnection().execute<T[]>(text, params);

/** The newest mail of a template to an address, and the link token in it (failing the test when there is none). */
async function mailTo(email: string, template: string, after = new Date(0)) {
  await api.app.services.accountMail.drain();
  const rows = await until(
    () => sql<{ text_body: string; sent_at: Date }>(`select text_body, sent_at from sent_mails where to_address = ? and template = ? and sent_at > ? order by sent_at desc`, [email, template, after]),
    (r) => r.length > 0,
    5000,
  );
  const body = rows[0]?.text_body ?? '';
  const token = /token=([a-z2-7]{32})/.exec(body)?.[1];
  if (!token) throw new Error(`no ${template} mail with a link token to ${email}`);
  return { body, token, count: rows.length };
}

describe('email verification', () => {
  it('mails a single-use link at registration; following it verifies the address', async () => {
    const user = await registerUser(api);
    const before = await client(api).auth.me.query(undefined, { cookie: user.cookie });
    expect(before.data?.emailVerified).toBe(false);
    const { token } = await mailTo(user.email, 'verify_email');
    expect(token).toBeTruthy();
    expect((await client(api).auth.verifyEmail.mutate({ token })).data).toEqual({ ok: true });
    const after = await client(api).auth.me.query(undefined, { cookie: user.cookie });
    expect(after.data?.emailVerified).toBe(true);
    const again = await client(api).auth.verifyEmail.mutate({ token });
    expect(again.error?.data.code).toBe('BAD_REQUEST');
  });

  it('sends a new link on request, and the older link stops working', async () => {
    const user = await registerUser(api);
    const first = await mailTo(user.email, 'verify_email');
    const asked = new Date();
    await client(api).auth.requestEmailVerification.mutate(undefined, { cookie: user.cookie });
    const second = await mailTo(user.email, 'verify_email', asked);
    expect(second.token).not.toBe(first.token);
    expect((await client(api).auth.verifyEmail.mutate({ token: first.token })).error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).auth.verifyEmail.mutate({ token: second.token })).data).toEqual({ ok: true });
  });
});

describe('password reset', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const user = await registerUser(api);
    const ghost = uniqueEmail('ghost');
    const known = await client(api).auth.requestPasswordReset.mutate({ email: user.email });
    const unknown = await client(api).auth.requestPasswordReset.mutate({ email: ghost });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.data).toEqual(unknown.data);
    expect((await mailTo(user.email, 'password_reset')).token).toBeTruthy();
    await api.app.services.accountMail.drain();
    expect(await sql(`select 1 from sent_mails where to_address = ?`, [ghost])).toHaveLength(0);
  });

  it('resets once: the token is single-use, signs out every device, and the new password works', async () => {
    const user = await registerUser(api);
    await client(api).auth.requestPasswordReset.mutate({ email: user.email });
    const { token } = await mailTo(user.email, 'password_reset');
    const stored = await sql<{ token_hash: string }>(`select token_hash from auth_tokens where purpose = 'password_reset' and email = ?`, [user.email]);
    expect(stored[0]?.token_hash).not.toBe(token); // only the hash is stored
    const res = await client(api).auth.resetPassword.mutate({ token, password: 'a brand new password' });
    expect(res.data).toEqual({ ok: true });
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data).toBeNull();
    const reuse = await client(api).auth.resetPassword.mutate({ token, password: 'yet another password' });
    expect(reuse.error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh())).error?.data.code).toBe('UNAUTHORIZED');
    const login = await client(api).auth.login.mutate({ email: user.email, password: 'a brand new password' }, fresh());
    expect(login.data?.status).toBe('signed_in');
  });

  it('refuses an expired token', async () => {
    const user = await registerUser(api);
    await client(api).auth.requestPasswordReset.mutate({ email: user.email });
    const { token } = await mailTo(user.email, 'password_reset');
    await sql(`update auth_tokens set expires_at = now() - interval '1 minute' where email = ? and purpose = 'password_reset'`, [user.email]);
    const res = await client(api).auth.resetPassword.mutate({ token, password: 'a brand new password' });
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toMatch(/expired or was already used/);
  });

  it('expires links after PASSWORD_RESET_TTL_MINUTES (30 by default)', async () => {
    const user = await registerUser(api);
    await client(api).auth.requestPasswordReset.mutate({ email: user.email });
    await mailTo(user.email, 'password_reset');
    const [row] = await sql<{ minutes: number }>(`select extract(epoch from expires_at - created_at)::int / 60 as minutes from auth_tokens where email = ? and purpose = 'password_reset'`, [user.email]);
    expect(row?.minutes).toBe(30);
  });
});

describe('password change', () => {
  it('needs the current password and signs out every other device, not this one', async () => {
    const user = await registerUser(api);
    const other = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    const wrong = await client(api).auth.changePassword.mutate({ currentPassword: 'not my password', newPassword: 'the next password' }, { cookie: user.cookie });
    expect(wrong.error?.data.code).toBe('BAD_REQUEST');
    const res = await client(api).auth.changePassword.mutate({ currentPassword: user.password, newPassword: 'the next password' }, { cookie: user.cookie });
    expect(res.data?.signedOutSessions).toBe(1);
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data).not.toBeNull();
    expect((await client(api).auth.me.query(undefined, { cookie: other.setCookie })).data).toBeNull();
  });
});

async function enrol(target: RunningApi, cookie: string) {
  const begun = await client(target).auth.beginTwoFactor.mutate(undefined, { cookie });
  const { secret } = begun.data!;
  const confirmed = await client(target).auth.confirmTwoFactor.mutate({ code: totpCode(secret) }, { cookie });
  return { ...begun.data!, recoveryCodes: confirmed.data?.recoveryCodes ?? [], confirmError: confirmed.error };
}

describe('TOTP two-factor', () => {
  it('enrols with a QR code and a first code, and returns 10 recovery codes stored only hashed', async () => {
    const user = await registerUser(api);
    const { uri, qrDataUrl, secret, recoveryCodes, confirmError } = await enrol(api, user.cookie);
    expect(confirmError).toBeUndefined();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Marketdesk:/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [row] = await sql<{ recovery_code_hashes: string[]; totp_key_sealed: string }>(`select recovery_code_hashes, totp_key_sealed from users where id = ?`, [user.id]);
    expect(row?.recovery_code_hashes).toHaveLength(10);
    for (const code of recoveryCodes) expect(row?.recovery_code_hashes).not.toContain(code);
    expect(row?.totp_key_sealed).not.toContain(secret); // sealed at rest
    const status = await client(api).auth.twoFactorStatus.query(undefined, { cookie: user.cookie });
    expect(status.data).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('refuses a wrong first code and stays off', async () => {
    const user = await registerUser(api);
    await client(api).auth.beginTwoFactor.mutate(undefined, { cookie: user.cookie });
    const res = await client(api).auth.confirmTwoFactor.mutate({ code: '000000' }, { cookie: user.cookie });
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data?.twoFactorEnabled).toBe(false);
  });

  it('asks for a code after the password; a wrong code fails, the right one signs in, the same code twice does not', async () => {
    const user = await registerUser(api);
    const { secret } = await enrol(api, user.cookie);
    const step1 = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    expect(step1.data?.status).toBe('two_factor_required');
    expect(step1.setCookie).toBeUndefined(); // no session before the second factor
    const wrong = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(step1), code: '123456' }, fresh());
    expect(wrong.error?.data.code).toBe('UNAUTHORIZED');
    const code = totpCode(secret, 1); // the enrolment used this step's code; the next step is accepted (clock drift)
    const ok = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(step1), code }, fresh());
    expect(ok.data).toMatchObject({ status: 'signed_in', email: user.email });
    expect((await client(api).auth.me.query(undefined, { cookie: ok.setCookie })).data?.email).toBe(user.email);
    // Replay: a fresh challenge with the code just used is refused.
    const again = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    const replay = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(again), code }, fresh());
    expect(replay.error?.data.code).toBe('UNAUTHORIZED');
    // The challenge was used up by the successful step.
    expect((await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(step1), code: totpCode(secret, -1) }, fresh())).error?.data.code).toBe('UNAUTHORIZED');
  });

  it('a recovery code signs in once', async () => {
    const user = await registerUser(api);
    const { recoveryCodes } = await enrol(api, user.cookie);
    const recoveryCode = recoveryCodes[3]!;
    const first = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    const ok = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(first), recoveryCode: recoveryCode.toUpperCase() }, fresh());
    expect(ok.data?.status).toBe('signed_in');
    const second = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    const reused = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(second), recoveryCode }, fresh());
    expect(reused.error?.data.code).toBe('UNAUTHORIZED');
    const status = await client(api).auth.twoFactorStatus.query(undefined, { cookie: ok.setCookie });
    expect(status.data?.recoveryCodesLeft).toBe(9);
  });

  it('five wrong codes end the challenge', async () => {
    const user = await registerUser(api);
    const { secret } = await enrol(api, user.cookie);
    const step1 = await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh());
    for (let i = 0; i < 5; i++) await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(step1), code: `00000${i}` }, fresh());
    const late = await client(api).auth.loginSecondFactor.mutate({ challenge: challengeOf(step1), code: totpCode(secret, 1) }, fresh());
    expect(late.error?.message).toMatch(/expired/);
  });

  it('wrong codes count as failed sign-ins: across fresh challenges the account locks like for passwords', async () => {
    const user = await registerUser(api);
    const { secret } = await enrol(api, user.cookie);
    const from = uniqueIp(66);
    for (let round = 0; round < 3; round++) {
      const step1 = await client(api).auth.login.mutate({ email: user.email, password: user.password }, { ip: from });
      if (step1.data?.status !== 'two_factor_required') break;
      for (let i = 0; i < 2; i++) await client(api).auth.loginSecondFactor.mutate({ challenge: step1.data.challenge, code: `99999${i}` }, { ip: from });
    }
    const locked = await client(api).auth.login.mutate({ email: user.email, password: user.password }, { ip: from });
    expect(locked.error?.data.code).toBe('TOO_MANY_REQUESTS');
    await api.app.redis.del(`${api.app.services.config.REDIS_PREFIX}:login-fail:acct:${user.email}`, `${api.app.services.config.REDIS_PREFIX}:login-fail:ip:${from}`);
    void secret;
  });

  it('turns off with the password and a recovery code (the phone is lost)', async () => {
    const user = await registerUser(api);
    const recoveryCode = (await enrol(api, user.cookie)).recoveryCodes[0]!;
    const wrong = await client(api).auth.disableTwoFactor.mutate({ password: 'not my password', code: recoveryCode }, { cookie: user.cookie });
    expect(wrong.error?.data.code).toBe('BAD_REQUEST');
    const res = await client(api).auth.disableTwoFactor.mutate({ password: user.password, code: recoveryCode }, { cookie: user.cookie });
    expect(res.data).toEqual({ ok: true });
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data?.twoFactorEnabled).toBe(false);
  });

  it('turns off with the password and a code', async () => {
    const user = await registerUser(api);
    const { secret } = await enrol(api, user.cookie);
    const res = await client(api).auth.disableTwoFactor.mutate({ password: user.password, code: totpCode(secret, 1) }, { cookie: user.cookie });
    expect(res.data).toEqual({ ok: true });
    expect((await client(api).auth.login.mutate({ email: user.email, password: user.password }, fresh())).data?.status).toBe('signed_in');
  });
});

describe('staff must enrol (STAFF_2FA_REQUIRED)', () => {
  it('an admin without 2FA reaches only auth.* until enrolled; then everything, and may not turn it off', async () => {
    const admin = await registerUser(strict, { roles: ['admin', 'agent'] });
    const me = await client(strict).auth.me.query(undefined, { cookie: admin.cookie });
    expect(me.data?.twoFactorSetupRequired).toBe(true);
    const blocked = await client(strict).mail.listSent.query(undefined, { cookie: admin.cookie });
    expect(blocked.error?.data.code).toBe('FORBIDDEN');
    expect(blocked.error?.message).toMatch(/two-factor/);
    // Sockets follow the same rule: no staff rooms before enrolling, their own room still works.
    const socket = openSocket(strict, admin.cookie);
    await waitFor(socket, 'connect');
    const ask = (room: string) => new Promise((r) => socket.emit('subscribe', room, r));
    expect(await ask('queue:kyc')).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await ask(`user:${admin.id}`)).toMatchObject({ ok: true });
    socket.close();
    const { secret, confirmError } = await enrol(strict, admin.cookie);
    const after = openSocket(strict, admin.cookie);
    await waitFor(after, 'connect');
    expect(await new Promise((r) => after.emit('subscribe', 'queue:kyc', r))).toMatchObject({ ok: true });
    after.close();
    expect(confirmError).toBeUndefined();
    const meAfter = await client(strict).auth.me.query(undefined, { cookie: admin.cookie });
    expect(meAfter.data?.twoFactorSetupRequired).toBe(false);
    expect((await client(strict).mail.listSent.query(undefined, { cookie: admin.cookie })).error?.message ?? '').not.toMatch(/two-factor/);
    const off = await client(strict).auth.disableTwoFactor.mutate({ password: admin.password, code: totpCode(secret, 1) }, { cookie: admin.cookie });
    expect(off.error?.data.code).toBe('FORBIDDEN');
  });

  it('a buyer is never asked to enrol', async () => {
    const buyer = await registerUser(strict);
    const me = await client(strict).auth.me.query(undefined, { cookie: buyer.cookie });
    expect(me.data?.twoFactorSetupRequired).toBe(false);
  });
});

describe('profile photo', () => {
  async function upload(cookie: string, bytes: Buffer, name: string, type: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${api.baseUrl}/uploads/avatar`, { method: 'POST', headers: { cookie, origin: 'http://localhost:5173' }, body: form });
  }

  it('accepts an image by its bytes, stores a 256 px WebP, shows it in auth.me and replaces the old one', async () => {
    const { default: sharp } = await import('sharp');
    const user = await registerUser(api);
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await upload(user.cookie, png, 'me.txt', 'text/plain'); // the name and type lie; the bytes decide
    expect(res.status).toBe(200);
    const { avatarUrl } = (await res.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/^\/media\/avatars\/.+\.webp$/);
    const me = await client(api).auth.me.query(undefined, { cookie: user.cookie });
    expect(me.data?.avatarUrl).toBe(avatarUrl);
    const served = await fetch(`${api.baseUrl}${avatarUrl}`);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([256, 256]);
    const second = (await (await upload(user.cookie, png, 'again.png', 'image/png')).json()) as { avatarUrl: string };
    expect(second.avatarUrl).not.toBe(avatarUrl);
    expect((await fetch(`${api.baseUrl}${avatarUrl}`)).status).toBe(404);
  });

  it('refuses what is not an image, and anonymous uploads', async () => {
    const user = await registerUser(api);
    const fake = await upload(user.cookie, Buffer.from('<svg onload="alert(1)"></svg>'), 'x.png', 'image/png');
    expect(fake.status).toBe(415);
    const anon = await fetch(`${api.baseUrl}/uploads/avatar`, { method: 'POST', body: new FormData() });
    expect(anon.status).toBe(401);
  });
});
