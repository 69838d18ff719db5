/** App-only tokens with a certificate credential, against a local token endpoint (the network edge). */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importX509, jwtVerify, decodeProtectedHeader } from 'jose';
import { ClientCertificateTokenProvider } from '../../../src/adapters/sharepoint/token';

describe('ClientCertificateTokenProvider', () => {
  let server: http.Server;
  let authority: string;
  const seen: { path: string; form: URLSearchParams }[] = [];
  let certPem: string;
  let keyPem: string;
  let issued = 0;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sjv-cert-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=signaalpunt-test'], { stdio: 'ignore' });
    certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    keyPem = readFileSync(join(dir, 'key.pem'), 'utf8');
    server = http.createServer(async (req, res) => {
      let body = '';
      for await (const c of req) body += c;
      const form = new URLSearchParams(body);
      seen.push({ path: req.url ?? '', form });
      issued += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: `token-${issued}` }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  test('signs a client assertion with the certificate (RS256, x5t thumbprint) and asks for the SharePoint origin’s .default scope', async () => {
    const p = new ClientCertificateTokenProvider({ tenantId: 'tenant-1', clientId: 'app-1', privateKeyPem: keyPem, certificatePem: certPem, authorityHost: authority });
    expect(await p.getToken('https://contoso.sharepoint.com/sites/signaalpunt')).toBe('token-1');
    const { path, form } = seen[0]!;
    expect(path).toBe('/tenant-1/oauth2/v2.0/token');
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('https://contoso.sharepoint.com/.default');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.has('client_secret')).toBe(false);
    const assertion = form.get('client_assertion')!;
    const header = decodeProtectedHeader(assertion);
    expect(header).toMatchObject({ alg: 'RS256', x5t: createHash('sha1').update(new X509Certificate(certPem).raw).digest('base64url') });
    const { payload } = await jwtVerify(assertion, await importX509(certPem, 'RS256'), { audience: `${authority}/tenant-1/oauth2/v2.0/token`, issuer: 'app-1', subject: 'app-1' });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(600);
  });

  test('reuses a token until two minutes before it expires', async () => {
    let now = 1_000_000;
    const p = new ClientCertificateTokenProvider({ tenantId: 't', clientId: 'c', privateKeyPem: keyPem, certificatePem: certPem, authorityHost: authority }, fetch, () => now);
    const first = await p.getToken('https://contoso.sharepoint.com');
    expect(await p.getToken('https://contoso.sharepoint.com/sites/x')).toBe(first);
    now += 3599_000 - 60_000;
    expect(await p.getToken('https://contoso.sharepoint.com')).not.toBe(first);
  });
});
