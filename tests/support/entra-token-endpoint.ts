/**
 * A stand-in for Microsoft Entra ID's token endpoint, for the bot's outbound token (the app-only token a
 * single-tenant bot sends to the Bot Connector). An HTTPS server on 127.0.0.1 with its own test
 * certificate for `login.microsoftonline.com`; `routeLoginToStandIn` makes this process's `fetch` (which
 * the Agents SDK's MSAL network client uses) connect to it for that host name, trusting that certificate,
 * and refuse every other host that is not 127.0.0.1. The SDK itself is configured as in production
 * (authority https://login.microsoftonline.com and the tenant id from configuration), not patched.
 *
 * What it follows:
 * - "Microsoft identity platform and the OAuth 2.0 client credentials flow"
 *   (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
 *   `POST /{tenant}/oauth2/v2.0/token`, `application/x-www-form-urlencoded`, `client_id`, `scope` (the
 *   resource's identifier with `/.default`), `grant_type=client_credentials`, and either `client_secret`
 *   ("First case: Access token request with a shared secret") or `client_assertion_type`
 *   `urn:ietf:params:oauth:client-assertion-type:jwt-bearer` with `client_assertion` ("Second case: Access
 *   token request with a certificate"). A success answers 200 `{ token_type: "Bearer", expires_in,
 *   ext_expires_in, access_token }`; an error answers `{ error, error_description, error_codes, … }` with
 *   400 (invalid_request, invalid_scope, unauthorized_client) or 401 (invalid_client) ("Error response").
 * - "Microsoft identity platform application authentication certificate credentials"
 *   (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): the assertion is a JWT
 *   signed with the certificate's key (RS256/PS256), header `x5t`/`x5t#S256` naming the certificate,
 *   `aud` the token endpoint, `iss` = `sub` = the client id, `exp`, `jti`.
 * - "Microsoft Entra authentication and authorization error codes"
 *   (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): AADSTS90002 (tenant not
 *   found), AADSTS700016 (application not found in the directory), AADSTS7000215 (invalid client secret),
 *   AADSTS700027 (client assertion failed signature validation), AADSTS70011 (invalid scope).
 * - "OpenID Connect on the Microsoft identity platform", "Find your app's OpenID configuration document
 *   URI" (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc): MSAL reads the tenant's
 *   `/{tenant}/v2.0/.well-known/openid-configuration` for its `token_endpoint` before asking for a token.
 * - The access token's claims, "Access token claims reference"
 *   (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference): `aud` (the
 *   resource, here https://api.botframework.com), `iss`, `tid`, `azp` (the client app: the bot's app id),
 *   `azpacr` (1 secret, 2 certificate), `ver` "2.0", `iat`/`nbf`/`exp`.
 * - What the Bot Connector checks of it, "Authenticate requests from your bot to the Bot Connector service"
 *   (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
 *   the bot sends the token as `Authorization: Bearer …` with every request to the Bot Connector.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { connect as netConnect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import { runInThisContext } from 'node:vm';
import type { JWTPayload } from 'jose';
import { SignJWT, generateKeyPair, jwtVerify } from 'jose';
import { readBody } from './bot-connector';

const LOGIN_HOST = 'login.microsoftonline.com';

/** An app registration in a tenant: a client secret, or the certificate (PEM) uploaded to it. */
export interface AppRegistration {
  tenantId: string;
  clientId: string;
  secret?: string;
  certificatePem?: string;
}

export interface TokenRequest {
  tenant: string;
  clientId: string | undefined;
  scope: string | undefined;
  credential: 'secret' | 'assertion' | 'none';
  status: number;
  error?: string;
}

export interface EntraTokenEndpoint {
  /** the stand-in's port on 127.0.0.1 (reached as https://login.microsoftonline.com). */
  port: number;
  /** every token request, with what it got. */
  requests: TokenRequest[];
  /** every request at all (path and status), to show no other endpoint was needed. */
  log: { method: string; path: string; status: number }[];
  /** checks an access token as a resource would: signed by this stand-in, unexpired, for `audience`. */
  verify(token: string, audience: string): Promise<JWTPayload | undefined>;
  close(): Promise<void>;
}

const OAUTH_ERRORS = {
  tenantNotFound: { status: 400, error: 'invalid_request', code: 90002, text: "Tenant not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud." },
  appNotFound: { status: 400, error: 'unauthorized_client', code: 700016, text: 'Application was not found in the directory.' },
  badSecret: { status: 401, error: 'invalid_client', code: 7000215, text: 'Invalid client secret provided.' },
  badAssertion: { status: 401, error: 'invalid_client', code: 700027, text: 'Client assertion failed signature validation.' },
  noCredential: { status: 400, error: 'invalid_request', code: 7000218, text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." },
  badGrant: { status: 400, error: 'unsupported_grant_type', code: 70003, text: 'The app requested an unsupported grant type.' },
  badScope: { status: 400, error: 'invalid_scope', code: 70011, text: 'The provided value for the input parameter scope is not valid.' },
} as const;
type OAuthError = (typeof OAUTH_ERRORS)[keyof typeof OAUTH_ERRORS];

/** A self-signed TLS certificate for login.microsoftonline.com, made by openssl (not by the code under test). */
function tlsCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-entra-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', `/CN=${LOGIN_HOST}`, '-addext', `subjectAltName=DNS:${LOGIN_HOST}`], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let tls: { key: string; cert: string } | undefined;

export async function startEntraTokenEndpoint(apps: AppRegistration[]): Promise<EntraTokenEndpoint> {
  tls ??= tlsCertificate();
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `kid-${randomUUID()}`;
  const requests: TokenRequest[] = [];
  const log: EntraTokenEndpoint['log'] = [];
  const tenants = new Set(apps.map((a) => a.tenantId));
  const base = `https://${LOGIN_HOST}`;

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  };
  const oauthError = (res: ServerResponse, e: OAuthError): void =>
    json(res, e.status, { error: e.error, error_description: `AADSTS${e.code}: ${e.text}`, error_codes: [e.code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() });

  /**
   * certificate-credentials: the assertion is signed by the registered certificate's key, for this endpoint.
   * A few minutes of clock skew are tolerated (MSAL rounds `nbf`/`iat`; Entra does not refuse a second's skew).
   */
  const assertionValid = async (assertion: string, app: AppRegistration, tokenEndpoint: string): Promise<boolean> => {
    if (!app.certificatePem) return false;
    try {
      const key = createPublicKey(new X509Certificate(app.certificatePem).publicKey.export({ type: 'spki', format: 'pem' }));
      const { payload } = await jwtVerify(assertion, key, { audience: tokenEndpoint, issuer: app.clientId, subject: app.clientId, algorithms: ['RS256', 'PS256'], clockTolerance: 300 });
      return typeof payload.exp === 'number';
    } catch {
      return false;
    }
  };

  const token = async (res: ServerResponse, tenant: string, req: IncomingMessage): Promise<number> => {
    const form = new URLSearchParams(await readBody(req));
    const record: TokenRequest = { tenant, clientId: form.get('client_id') ?? undefined, scope: form.get('scope') ?? undefined, credential: form.has('client_secret') ? 'secret' : form.has('client_assertion') ? 'assertion' : 'none', status: 200 };
    requests.push(record);
    const fail = (e: OAuthError): number => {
      record.status = e.status;
      record.error = `${e.error} AADSTS${e.code}`;
      oauthError(res, e);
      return e.status;
    };
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return fail(OAUTH_ERRORS.noCredential);
    if (!tenants.has(tenant)) return fail(OAUTH_ERRORS.tenantNotFound);
    if (form.get('grant_type') !== 'client_credentials') return fail(OAUTH_ERRORS.badGrant);
    const app = apps.find((a) => a.tenantId === tenant && a.clientId === record.clientId);
    if (!app) return fail(OAUTH_ERRORS.appNotFound);
    const scope = record.scope ?? '';
    if (!scope.endsWith('/.default') || scope.includes(' ')) return fail(OAUTH_ERRORS.badScope);
    let azpacr: '1' | '2';
    if (record.credential === 'secret') {
      if (!app.secret || form.get('client_secret') !== app.secret) return fail(OAUTH_ERRORS.badSecret);
      azpacr = '1';
    } else if (record.credential === 'assertion') {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return fail(OAUTH_ERRORS.noCredential);
      if (!(await assertionValid(form.get('client_assertion')!, app, `${base}/${tenant}/oauth2/v2.0/token`))) return fail(OAUTH_ERRORS.badAssertion);
      azpacr = '2';
    } else {
      return fail(OAUTH_ERRORS.noCredential);
    }
    const resource = scope.slice(0, -'/.default'.length);
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ tid: tenant, azp: app.clientId, azpacr, ver: '2.0', oid: randomUUID(), idtyp: 'app' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(`${base}/${tenant}/v2.0`)
      .setAudience(resource)
      .setSubject(randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3599)
      .sign(privateKey);
    json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
    return 200;
  };

  const openIdConfiguration = (res: ServerResponse, tenant: string): number => {
    if (!tenants.has(tenant)) {
      oauthError(res, OAUTH_ERRORS.tenantNotFound);
      return 400;
    }
    json(res, 200, {
      issuer: `${base}/${tenant}/v2.0`,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    });
    return 200;
  };

  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const handle = async (): Promise<number> => {
      const config = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
      if (req.method === 'GET' && config) return openIdConfiguration(res, decodeURIComponent(config[1]!));
      const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
      if (req.method === 'POST' && tokenPath) return token(res, decodeURIComponent(tokenPath[1]!), req);
      res.writeHead(404).end();
      return 404;
    };
    void handle()
      .then((status) => log.push({ method: req.method ?? '', path, status }))
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    log,
    verify: async (accessToken, audience) => {
      try {
        return (await jwtVerify(accessToken, publicKey, { audience, algorithms: ['RS256'] })).payload;
      } catch {
        return undefined;
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
type Dispatcher = object;
type ConnectOptions = { hostname: string; host?: string; protocol: string; port: string | number; servername?: string };
type Connector = (opts: ConnectOptions, callback: (err: Error | null, socket: Socket | null) => void) => void;

/**
 * Makes this process's `fetch` reach the stand-in for https://login.microsoftonline.com (trusting its test
 * certificate) and 127.0.0.1 as usual; any other host is refused, so nothing leaves the machine. Returns
 * the function that puts the previous dispatcher back. Node's `fetch` is undici: its global dispatcher
 * is an `Agent` whose `connect` option decides how a connection is made.
 */
export async function routeLoginToStandIn(endpoint: Pick<EntraTokenEndpoint, 'port'>): Promise<() => void> {
  // Node's own global, where fetch looks for its dispatcher (a test runner may give tests another global)
  const g = runInThisContext('globalThis') as Record<symbol, Dispatcher | undefined>;
  if (!g[GLOBAL_DISPATCHER]) {
    // fetch creates its Agent on first use: one request to a closed local port is enough
    await fetch('http://127.0.0.1:9/').catch(() => undefined);
  }
  const previous = g[GLOBAL_DISPATCHER]!;
  const AgentClass = previous.constructor as new (options: { connect: Connector }) => Dispatcher;
  const ca = [...rootCertificates, tls!.cert];
  const connect: Connector = (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const toLogin = opts.hostname === LOGIN_HOST && opts.protocol === 'https:';
    if (!toLogin && opts.hostname !== '127.0.0.1' && opts.hostname !== 'localhost') {
      callback(new Error(`no network outside 127.0.0.1 in tests (${opts.hostname})`), null);
      return;
    }
    const socket: Socket =
      opts.protocol === 'https:'
        ? tlsConnect({ host: '127.0.0.1', port: toLogin ? endpoint.port : port, servername: opts.servername || opts.hostname, ca, ALPNProtocols: ['http/1.1'] })
        : netConnect({ host: '127.0.0.1', port });
    let done = false;
    const finish = (err: Error | null): void => {
      if (done) return;
      done = true;
      callback(err, err ? null : socket);
    };
    socket.once(opts.protocol === 'https:' ? 'secureConnect' : 'connect', () => finish(null));
    socket.once('error', (e) => finish(e));
  };
  g[GLOBAL_DISPATCHER] = new AgentClass({ connect });
  return () => {
    g[GLOBAL_DISPATCHER] = previous;
  };
}
