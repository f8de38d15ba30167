// Google sign-in (OpenID Connect code flow with PKCE) against a local OIDC provider the test starts:
// new and returning accounts, linking by verified email, and every refusal — state mismatch, PKCE
// mismatch, wrong nonce or audience, unverified email — ends without a session.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, allowedOrigin, registerUser, startApi, uniqueEmail, type RunningApi } from './harness.js';
import { startOidcProvider, type LocalOidcProvider } from './fixtures/oidc-provider.js';
import { totpCode } from './fixtures/totp-codes.js';

let provider: LocalOidcProvider;
let api: RunningApi;
let plain: RunningApi;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  provider = await startOidcProvider();
  const port = await freePort();
  api = await startApi({
    PORT: String(port),
    API_PUBLIC_URL: `http://127.0.0.1:${port}`,
    GOOGLE_CLIENT_ID: provider.clientId,
    GOOGLE_CLIENT_SECRET: provider.clientSecret,
    OIDC_ISSUER: provider.issuer,
  });
  plain = await startApi();
});
afterAll(async () => {
  await plain?.close();
  await api?.close();
  await provider?.close();
});

const cookieOf = (res: Response, name: string) =>
  res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Runs the browser's side of the redirects; `meddle` may change the callback URL or flow cookie. */
async function signInWithGoogle(meddle: { callback?: (url: URL) => void; flowCookie?: (value: string) => string } = {}) {
  const start = await fetch(`${api.baseUrl}/auth/google/start?returnTo=${encodeURIComponent(`${allowedOrigin}/account`)}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  let flow = cookieOf(start, 'md_oidc')!;
  const authorizeUrl = new URL(start.headers.get('location')!);
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = new URL(authorize.headers.get('location')!);
  meddle.callback?.(callback);
  if (meddle.flowCookie) flow = `md_oidc=${encodeURIComponent(meddle.flowCookie(decodeURIComponent(flow.slice('md_oidc='.length))))}`;
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: flow } });
  return { authorizeUrl, done, session: cookieOf(done, 'md_session'), location: done.headers.get('location') };
}

describe('Google sign-in', () => {
  it('sends PKCE (S256), state and nonce; signs a new person in with a verified account', async () => {
    const email = uniqueEmail('google');
    provider.nextIdentity({ sub: `sub-${email}`, email, email_verified: true, name: 'Gia Google' });
    const { authorizeUrl, done, session, location } = await signInWithGoogle();
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('state')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('scope')).toContain('openid');
    expect(done.status).toBe(303);
    expect(location).toBe(`${allowedOrigin}/account`);
    const me = await client(api).auth.me.query(undefined, { cookie: session });
    expect(me.data).toMatchObject({ email, displayName: 'Gia Google', emailVerified: true, roles: ['buyer'] });
    // Returning: the same subject signs into the same account.
    provider.nextIdentity({ sub: `sub-${email}`, email, email_verified: true });
    const again = await signInWithGoogle();
    expect((await client(api).auth.me.query(undefined, { cookie: again.session })).data?.id).toBe(me.data!.id);
  });

  it('links to the existing account with the same verified address', async () => {
    const user = await registerUser(api);
    provider.nextIdentity({ sub: `sub-link-${user.id}`, email: user.email, email_verified: true });
    const { session } = await signInWithGoogle();
    expect((await client(api).auth.me.query(undefined, { cookie: session })).data?.id).toBe(user.id);
  });

  it('refuses an address Google has not verified (no account taken over, none created)', async () => {
    const user = await registerUser(api);
    provider.nextIdentity({ sub: `sub-unverified-${user.id}`, email: user.email, email_verified: false });
    const { session, location } = await signInWithGoogle();
    expect(session).toBeUndefined();
    expect(location).toContain('/login?error=google_failed');
  });

  it('refuses a callback whose state does not match the one this browser started (login CSRF)', async () => {
    const before = provider.tokenRequests.length;
    const { done, session } = await signInWithGoogle({ callback: (url) => url.searchParams.set('state', 'attacker-state') });
    expect(done.status).toBe(400);
    expect(session).toBeUndefined();
    expect(provider.tokenRequests.length).toBe(before); // never even exchanged the code
  });

  it('refuses when the PKCE verifier does not match the challenge', async () => {
    const { session, location } = await signInWithGoogle({
      flowCookie: (raw) => JSON.stringify({ ...JSON.parse(raw), verifier: 'a-different-verifier-of-sufficient-length-0123456789' }),
    });
    expect(session).toBeUndefined();
    expect(location).toContain('error=google_failed');
    expect(provider.tokenRequests.at(-1)).toEqual({ ok: false, reason: 'PKCE verification failed' });
  });

  it('refuses an id_token with the wrong nonce or for another client', async () => {
    provider.tamperNextIdToken({ nonce: 'replayed-nonce' });
    expect((await signInWithGoogle()).session).toBeUndefined();
    provider.tamperNextIdToken({ aud: 'some-other-client' });
    expect((await signInWithGoogle()).session).toBeUndefined();
  });

  it('still asks for the second factor when the account has TOTP on', async () => {
    const user = await registerUser(api);
    const begun = await client(api).auth.beginTwoFactor.mutate(undefined, { cookie: user.cookie });
    await client(api).auth.confirmTwoFactor.mutate({ code: totpCode(begun.data!.secret) }, { cookie: user.cookie });
    provider.nextIdentity({ sub: `sub-2fa-${user.id}`, email: user.email, email_verified: true });
    const { session, location } = await signInWithGoogle();
    expect(session).toBeUndefined();
    const challenge = new URL(location!).searchParams.get('challenge');
    expect(challenge).toMatch(/^[a-z2-7]{32}$/);
    const step2 = await client(api).auth.loginSecondFactor.mutate({ challenge: challenge!, code: totpCode(begun.data!.secret, 1) });
    expect(step2.data?.status).toBe('signed_in');
  });

  it('is offered only when configured', async () => {
    expect((await client(api).auth.providers.query()).data).toEqual({ google: true });
    expect((await client(plain).auth.providers.query()).data).toEqual({ google: false });
    expect((await fetch(`${plain.baseUrl}/auth/google/start`, { redirect: 'manual' })).status).toBe(404);
  });

  it('never redirects back outside the allowed origins', async () => {
    const start = await fetch(`${api.baseUrl}/auth/google/start?returnTo=${encodeURIComponent('https://evil.example/steal')}`, { redirect: 'manual' });
    const flow = decodeURIComponent(cookieOf(start, 'md_oidc')!.slice('md_oidc='.length));
    expect(JSON.parse(flow).returnTo).toBe(api.app.services.config.STOREFRONT_URL);
  });
});
