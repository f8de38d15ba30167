// Hardening over real HTTP: security headers (CSP and friends), CORS closed, cross-origin cookie
// mutations refused, request size limit, Redis rate limits on public mutations with Retry-After, and
// auth answers that do not reveal which accounts exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, allowedOrigin, registerUser, startApi, uniqueEmail, uniqueIp, type RunningApi } from './harness.js';

let api: RunningApi;
let tight: RunningApi;
beforeAll(async () => {
  api = await startApi();
  // Its own Redis namespace: other files' sign-ups from 127.0.0.1 must not spend its tiny budgets.
  tight = await startApi({ RATE_LIMIT_AUTH_PER_IP: '3', RATE_LIMIT_MUTATIONS_PER_MINUTE: '3', BODY_LIMIT_BYTES: '2048', REDIS_PREFIX: `mdtight_${Date.now().toString(36)}` });
});
afterAll(async () => {
  await tight?.close();
  await api?.close();
});

const ip = () => uniqueIp(77);

describe('security headers', () => {
  it('every API answer carries a strict CSP, nosniff, no framing and no referrer', async () => {
    for (const path of ['/healthz', '/trpc/auth.me']) {
      const res = await fetch(`${api.baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('cross-origin requests', () => {
  it('grants no CORS to any origin (no Access-Control-Allow-Origin, even for an allowed one)', async () => {
    for (const origin of ['https://evil.example', allowedOrigin]) {
      const pre = await fetch(`${api.baseUrl}/trpc/auth.login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('refuses a cookie-carrying mutation from an origin outside ALLOWED_ORIGINS', async () => {
    const user = await registerUser(api);
    const res = await client(api).auth.logoutEverywhere.mutate(undefined, { cookie: user.cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('request size', () => {
  it('refuses a body over BODY_LIMIT_BYTES with 413 before any procedure runs', async () => {
    const res = await fetch(`${tight.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: allowedOrigin },
      body: JSON.stringify({ json: { email: 'a@b.test', password: 'x'.repeat(5000) } }),
    });
    expect(res.status).toBe(413);
  });
});

describe('rate limits (Redis)', () => {
  it('auth mutations: a per-IP budget, then 429 TOO_MANY_REQUESTS with Retry-After; another IP is unaffected', async () => {
    const from = ip();
    for (let i = 0; i < 3; i++) {
      const res = await client(tight).auth.requestPasswordReset.mutate({ email: uniqueEmail('rl') }, { ip: from });
      expect(res.status).toBe(200);
    }
    const res = await client(tight).auth.requestPasswordReset.mutate({ email: uniqueEmail('rl') }, { ip: from });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(res.error?.data.code).toBe('TOO_MANY_REQUESTS');
    expect((await client(tight).auth.requestPasswordReset.mutate({ email: uniqueEmail('rl') }, { ip: ip() })).status).toBe(200);
  });

  it('every mutation: a per-user, per-procedure budget per minute', async () => {
    // Fresh addresses: the sign-up budget per IP is not what this test is about.
    const a = await registerUser(tight, { ip: ip() });
    const b = await registerUser(tight, { ip: ip() });
    for (let i = 0; i < 3; i++) expect((await client(tight).profile.update.mutate({ displayName: `Name ${i}` }, { cookie: a.cookie })).status).toBe(200);
    const refused = await client(tight).profile.update.mutate({ displayName: 'Name 4' }, { cookie: a.cookie });
    expect(refused.status).toBe(429);
    expect(refused.error?.data.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await client(tight).profile.update.mutate({ displayName: 'Other' }, { cookie: b.cookie })).status).toBe(200);
  });
});

describe('no user enumeration', () => {
  it('sign-in: an unknown address and a wrong password get the same answer', async () => {
    const user = await registerUser(api);
    const wrong = await client(api).auth.login.mutate({ email: user.email, password: 'not the password' }, { ip: ip() });
    const unknown = await client(api).auth.login.mutate({ email: uniqueEmail('nobody'), password: 'not the password' }, { ip: ip() });
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.error?.message).toBe(unknown.error?.message);
  });

  it('registration with a taken address does not say so (the owner is told by mail)', async () => {
    const user = await registerUser(api);
    const res = await client(api).auth.register.mutate({ email: user.email, password: 'correct horse battery', displayName: 'Copy' });
    expect(res.error?.message).not.toMatch(/exists|is taken|already (registered|in use)/i);
    await api.app.services.accountMail.drain();
    const rows = await api.app.db.orm.em.fork().getConnection().execute(`select 1 from sent_mails where to_address = ? and template = 'account_exists'`, [user.email]);
    expect(rows).toHaveLength(1);
  });

  it('password reset: the same answer for a known and an unknown address', async () => {
    const user = await registerUser(api);
    const known = await client(api).auth.requestPasswordReset.mutate({ email: user.email }, { ip: ip() });
    const unknown = await client(api).auth.requestPasswordReset.mutate({ email: uniqueEmail('nobody') }, { ip: ip() });
    expect([known.status, known.data]).toEqual([unknown.status, unknown.data]);
  });
});
