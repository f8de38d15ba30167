// OpenID Connect sign-in (Google by default) with the authorization code flow and PKCE (S256), via
// arctic's generic OAuth2Client. Endpoints come from the issuer's discovery document, so tests can
// point OIDC_ISSUER at a local provider. The id_token is verified here: RS256 signature against the
// issuer's JWKS, iss, aud, exp and the nonce we sent. arctic loads with the first sign-in started,
// and only where Google sign-in is configured.
import { createPublicKey, verify as verifySignature, type JsonWebKey } from 'node:crypto';
import type * as Arctic from 'arctic';
import type { Config } from '../../env.js';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OidcStart {
  url: URL;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export class OidcError extends Error {
  override name = 'OidcError';
}

const b64url = (s: string) => Buffer.from(s, 'base64url');

export function createOidcClient(config: Pick<Config, 'GOOGLE_CLIENT_ID' | 'GOOGLE_CLIENT_SECRET' | 'OIDC_ISSUER' | 'API_PUBLIC_URL'>) {
  if (!config.GOOGLE_CLIENT_ID || !config.GOOGLE_CLIENT_SECRET) return null;
  const clientId = config.GOOGLE_CLIENT_ID;
  const redirectUri = `${config.API_PUBLIC_URL.replace(/\/$/, '')}/auth/google/callback`;
  const clientSecret = config.GOOGLE_CLIENT_SECRET;
  let arctic: Promise<{ lib: typeof Arctic; client: Arctic.OAuth2Client }> | null = null;
  const loadArctic = () => (arctic ??= import('arctic').then((lib) => ({ lib, client: new lib.OAuth2Client(clientId, clientSecret, redirectUri) })));
  const issuer = config.OIDC_ISSUER.replace(/\/$/, '');
  let discovery: Promise<Discovery> | null = null;
  let jwks: { at: number; keys: (JsonWebKey & { kid?: string })[] } | null = null;

  async function getJson<T>(url: string): Promise<T> {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new OidcError(`${url} answered ${res.status}`);
    return (await res.json()) as T;
  }
  const discover = () => {
    discovery ??= getJson<Discovery>(`${issuer}/.well-known/openid-configuration`).catch((err: unknown) => {
      discovery = null;
      throw err;
    });
    return discovery;
  };
  async function keyFor(kid: string | undefined) {
    const fresh = !jwks || Date.now() - jwks.at > 10 * 60_000;
    const find = () => jwks?.keys.find((k) => k.kid === kid) ?? (kid ? undefined : jwks?.keys[0]);
    if (fresh || !find()) jwks = { at: Date.now(), keys: (await getJson<{ keys: (JsonWebKey & { kid?: string })[] }>((await discover()).jwks_uri)).keys };
    const jwk = find();
    if (!jwk) throw new OidcError('id_token signed with an unknown key');
    return createPublicKey({ key: jwk, format: 'jwk' });
  }

  async function verifyIdToken(idToken: string, nonce: string, now: Date): Promise<OidcIdentity> {
    const [h, p, s] = idToken.split('.');
    if (!h || !p || !s) throw new OidcError('malformed id_token');
    const header = JSON.parse(b64url(h).toString()) as { alg?: string; kid?: string };
    if (header.alg !== 'RS256') throw new OidcError(`id_token algorithm ${header.alg} not accepted`);
    const ok = verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), await keyFor(header.kid), b64url(s));
    if (!ok) throw new OidcError('id_token signature is not valid');
    const claims = JSON.parse(b64url(p).toString()) as Record<string, unknown>;
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== (await discover()).issuer) throw new OidcError('id_token from another issuer');
    if (!aud.includes(clientId)) throw new OidcError('id_token for another client');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < now.getTime() - 60_000) throw new OidcError('id_token expired');
    if (claims.nonce !== nonce) throw new OidcError('id_token nonce does not match');
    if (typeof claims.sub !== 'string' || !claims.sub) throw new OidcError('id_token without a subject');
    return {
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  }

  return {
    async start(): Promise<OidcStart> {
      const { authorization_endpoint } = await discover();
      const { lib, client } = await loadArctic();
      const { CodeChallengeMethod, generateCodeVerifier, generateState } = lib;
      const state = generateState();
      const codeVerifier = generateCodeVerifier();
      const nonce = generateState();
      const url = client.createAuthorizationURLWithPKCE(authorization_endpoint, state, CodeChallengeMethod.S256, codeVerifier, ['openid', 'email', 'profile']);
      url.searchParams.set('nonce', nonce);
      return { url, state, codeVerifier, nonce };
    },
    /** Exchanges the code (with the PKCE verifier) and returns the verified identity. */
    async finish(code: string, codeVerifier: string, nonce: string, now: Date): Promise<OidcIdentity> {
      const { token_endpoint } = await discover();
      const { client } = await loadArctic();
      let idToken: string;
      try {
        idToken = (await client.validateAuthorizationCode(token_endpoint, code, codeVerifier)).idToken();
      } catch (err) {
        throw new OidcError(`token exchange refused: ${(err as Error).message}`);
      }
      return verifyIdToken(idToken, nonce, now);
    },
  };
}

export type OidcClient = NonNullable<ReturnType<typeof createOidcClient>>;
