// Sessions, login throttling, roles and CSRF, over real HTTP against PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, registerUser, startApi, uniqueEmail, uniqueIp, type RunningApi } from './harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ RATE_LIMIT_LOGIN_FAILURES_PER_IP: '8' });
});
afterAll(async () => {
  await api.close();
});

const ipFor = () => uniqueIp(9);

describe('login', () => {
  it('signs in with the right password and sets an HttpOnly SameSite=Lax cookie', async () => {
    const user = await registerUser(api);
    const res = await client(api).auth.login.mutate({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client(api).auth.me.query(undefined, { cookie: res.setCookie });
    expect(me.data?.email).toBe(user.email);
  });

  it('refuses a wrong password with UNAUTHORIZED and a readable message', async () => {
    const user = await registerUser(api);
    const res = await client(api).auth.login.mutate({ email: user.email, password: 'wrong password!' }, { ip: ipFor() });
    expect(res.error?.data.code).toBe('UNAUTHORIZED');
    expect(res.error?.message).toBe('Email or password is incorrect.');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await client(api).auth.login.mutate({ email: uniqueEmail('ghost'), password: 'whatever12345' }, { ip: ipFor() });
    expect(res.error?.data.code).toBe('UNAUTHORIZED');
    expect(res.error?.message).toBe('Email or password is incorrect.');
  });

  it('locks the account after 5 failures, even for the right password, with a retry-after', async () => {
    const user = await registerUser(api);
    for (let i = 0; i < 5; i++) {
      const res = await client(api).auth.login.mutate({ email: user.email, password: `wrong-${i}-password` }, { ip: ipFor() });
      expect(res.error?.data.code).toBe('UNAUTHORIZED');
    }
    const locked = await client(api).auth.login.mutate({ email: user.email, password: user.password }, { ip: ipFor() });
    expect(locked.status).toBe(429);
    expect(locked.error?.data.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.error?.data.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts concurrent wrong passwords atomically: the burst is cut at the limit', async () => {
    const user = await registerUser(api);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => client(api).auth.login.mutate({ email: user.email, password: `wrong-${i}-guess` }, { ip: ipFor() })));
    const codes = burst.map((r) => r.error?.data.code).sort();
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);
    expect((await client(api).auth.login.mutate({ email: user.email, password: user.password }, { ip: ipFor() })).error?.data.code).toBe('TOO_MANY_REQUESTS');
  });

  it('lets any number of people sign in from one address; only failures spend its budget', async () => {
    const office = ipFor();
    const people = await Promise.all(Array.from({ length: 12 }, () => registerUser(api)));
    for (const round of [1, 2, 3]) {
      for (const person of people) {
        const res = await client(api).auth.login.mutate({ email: person.email, password: person.password }, { ip: office });
        expect(res.error, `round ${round}`).toBeUndefined();
      }
    }
    // A success gives back the unit it took: 7 failures and a success leave room for one more failure.
    for (let i = 0; i < 7; i++) expect((await client(api).auth.login.mutate({ email: uniqueEmail('typo'), password: 'nope-nope-nope' }, { ip: office })).error?.data.code).toBe('UNAUTHORIZED');
    expect((await client(api).auth.login.mutate({ email: people[0]!.email, password: people[0]!.password }, { ip: office })).error).toBeUndefined();
    expect((await client(api).auth.login.mutate({ email: uniqueEmail('typo'), password: 'nope-nope-nope' }, { ip: office })).error?.data.code).toBe('UNAUTHORIZED');
    expect((await client(api).auth.login.mutate({ email: people[1]!.email, password: people[1]!.password }, { ip: office })).error?.data.code).toBe('TOO_MANY_REQUESTS');
  });

  it('throttles failures per IP across different accounts (RATE_LIMIT_LOGIN_FAILURES_PER_IP)', async () => {
    const ip = ipFor();
    for (let i = 0; i < 8; i++) await client(api).auth.login.mutate({ email: uniqueEmail('spray'), password: 'nope-nope-nope' }, { ip });
    const user = await registerUser(api);
    const res = await client(api).auth.login.mutate({ email: user.email, password: user.password }, { ip });
    expect(res.error?.data.code).toBe('TOO_MANY_REQUESTS');
  });

  it('rejects malformed input with BAD_REQUEST and the zod issues', async () => {
    const res = await client(api).auth.login.mutate({ email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toContain('email: Enter a valid email address');
    expect(res.error?.data.zodIssues).toHaveLength(2);
  });

  it('refuses a duplicate registration with CONFLICT', async () => {
    const user = await registerUser(api);
    const res = await client(api).auth.register.mutate({ email: user.email, password: 'another password', displayName: 'Dup' });
    expect(res.error?.data.code).toBe('CONFLICT');
  });
});

describe('sessions', () => {
  it('forgets an expired session', async () => {
    const user = await registerUser(api);
    await api.app.db.orm.em.fork().getConnection().execute(
      `update sessions set expires_at = now() - interval '1 minute' where user_id = ?`,
      [user.id],
    );
    const me = await client(api).auth.me.query(undefined, { cookie: user.cookie });
    expect(me.data).toBeNull();
  });

  it('logout ends only this session; logout-everywhere ends all of them', async () => {
    const user = await registerUser(api);
    const second = await client(api).auth.login.mutate({ email: user.email, password: user.password });
    const third = await client(api).auth.login.mutate({ email: user.email, password: user.password });
    await client(api).auth.logout.mutate(undefined, { cookie: user.cookie });
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data).toBeNull();
    expect((await client(api).auth.me.query(undefined, { cookie: second.setCookie })).data).not.toBeNull();

    const res = await client(api).auth.logoutEverywhere.mutate(undefined, { cookie: second.setCookie });
    expect(res.data?.revoked).toBe(2);
    expect((await client(api).auth.me.query(undefined, { cookie: third.setCookie })).data).toBeNull();
  });

  it('refuses signed-out callers with UNAUTHORIZED', async () => {
    const res = await client(api).profile.update.mutate({ displayName: 'X' });
    expect(res.error?.data.code).toBe('UNAUTHORIZED');
  });
});

describe('roles', () => {
  it('refuses a buyer on staff and admin procedures with FORBIDDEN', async () => {
    const buyer = await registerUser(api);
    expect((await client(api).activity.list.query(undefined, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
    expect((await client(api).mail.listSent.query(undefined, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
  });

  it('lets an agent read activity but not sent mail', async () => {
    const agent = await registerUser(api, { roles: ['agent'] });
    expect((await client(api).activity.list.query(undefined, { cookie: agent.cookie })).error).toBeUndefined();
    expect((await client(api).mail.listSent.query(undefined, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
  });
});

describe('CSRF', () => {
  it('refuses a cross-origin POST that carries a session cookie', async () => {
    const user = await registerUser(api);
    const res = await client(api).profile.update.mutate({ displayName: 'Evil' }, { cookie: user.cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const missing = await client(api).profile.update.mutate({ displayName: 'Evil' }, { cookie: user.cookie, origin: null });
    expect(missing.status).toBe(403);
    const me = await client(api).auth.me.query(undefined, { cookie: user.cookie });
    expect(me.data?.displayName).toBe('Test User');
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
  });
});

describe('devices', () => {
  it('lists my sessions, marks this one, and signs out another device', async () => {
    const user = await registerUser(api);
    const other = await client(api).auth.login.mutate({ email: user.email, password: user.password });
    const list = await client(api).auth.sessions.query(undefined, { cookie: user.cookie });
    expect(list.data).toHaveLength(2);
    expect(list.data?.filter((s) => s.current)).toHaveLength(1);
    const otherId = list.data!.find((s) => !s.current)!.id;
    expect((await client(api).auth.revokeSession.mutate({ sessionId: otherId }, { cookie: user.cookie })).data).toEqual({ ok: true });
    expect((await client(api).auth.me.query(undefined, { cookie: other.setCookie })).data).toBeNull();
    expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).data).not.toBeNull();
  });

  it("cannot end someone else's session", async () => {
    const victim = await registerUser(api);
    const attacker = await registerUser(api);
    const [victimSession] = (await client(api).auth.sessions.query(undefined, { cookie: victim.cookie })).data!;
    const res = await client(api).auth.revokeSession.mutate({ sessionId: victimSession!.id }, { cookie: attacker.cookie });
    expect(res.error?.data.code).toBe('NOT_FOUND');
    expect((await client(api).auth.me.query(undefined, { cookie: victim.cookie })).data).not.toBeNull();
    expect((await client(api).auth.revokeSession.mutate({ sessionId: 'nope' }, { cookie: attacker.cookie })).error?.data.code).toBe('BAD_REQUEST');
  });
});
