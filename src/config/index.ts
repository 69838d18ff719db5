/**
 * The server's one typed configuration, read from the environment and validated at start (zod).
 * Local mode (`SJV_MODE=local`, the default) runs on the embedded store with a local signing key and the
 * demo tenant; production (`SJV_MODE=production`) refuses to start without its Entra ID settings.
 * Errors name the variables that are wrong, never their values (they may be secrets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { RETENTION_LIMITS } from '../core/config';
import type { BaseRole } from '../core/model';
import type { RetentionConfig } from '../core/retention';
import { DEFAULT_RETENTION } from '../core/retention';

export type Mode = 'local' | 'production';

export interface GroupMapping {
  organisationId: string;
  roles: BaseRole[];
}

export interface LocalAuthConfig {
  mode: 'local';
  /** the only tenant id the local signing key issues tokens for. */
  tenantId: string;
  issuers: string[];
  audiences: string[];
  allowedTenants: string[];
  tokenTtlSeconds: number;
}

export interface EntraAuthConfig {
  mode: 'production';
  tenantId: string;
  clientId: string;
  audiences: string[];
  allowedTenants: string[];
  /** issuer templates; `{tid}` is replaced by each allowed tenant id. */
  issuers: string[];
  jwksUrl: string;
  /** Entra group object id → organisation and base roles. The only source of a user's organisation and roles. */
  groupMap: Record<string, GroupMapping>;
  /** the client apps a user token may come from (`azp`), each with the scope (`scp`) it must carry. */
  clientApps: ClientApp[];
}

export interface ClientApp {
  id: string;
  name: string;
  /** the delegated scope of this API the client's token must carry. */
  scope: 'access_as_user' | 'user_impersonation';
}

/**
 * The Microsoft clients that request Teams SSO tokens for the API's `access_as_user` scope: the client ids
 * Microsoft lists for pre-authorizing a tab app ("Configure your tab app in Microsoft Entra ID",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad),
 * and the SharePoint Framework's client (the web part, scope `user_impersonation`). A tenant whose web part
 * still runs under its own "SharePoint Online Client Extensibility Web Application Principal" adds that
 * app's id with SJV_ENTRA_CLIENT_APPS.
 */
export const KNOWN_CLIENT_APPS: readonly ClientApp[] = [
  { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Teams desktop and mobile', scope: 'access_as_user' },
  { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Teams web', scope: 'access_as_user' },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'Microsoft 365 web', scope: 'access_as_user' },
  { id: '0ec893e0-5785-4de6-99da-4ed124e5296c', name: 'Microsoft 365 desktop', scope: 'access_as_user' },
  { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft 365 mobile, Outlook desktop and mobile', scope: 'access_as_user' },
  { id: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', name: 'Outlook web', scope: 'access_as_user' },
  { id: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook mobile', scope: 'access_as_user' },
  { id: '08e18876-6177-487e-b8b5-cf950c1e598c', name: 'SharePoint Online Web Client Extensibility (SPFx)', scope: 'user_impersonation' },
];

export type AuthConfig = LocalAuthConfig | EntraAuthConfig;

/** Which store the server opens (SJV_STORE). One place decides: `openStore` in src/config/store.ts. */
export type StoreConfig =
  | { kind: 'sqlite'; file: string; /** the append-only file of the audit's checkpoints (ADR 0009), outside the database. */ auditCheckpointFile: string }
  | {
      kind: 'sharepoint';
      /** the restricted Signaalpunt site, e.g. https://contoso.sharepoint.com/sites/signaalpunt */
      siteUrl: string;
      /** app-only: a certificate of the server's Entra app (SharePoint refuses client secrets), or a ready token (never in production). */
      credential:
        | { kind: 'certificate'; tenantId: string; clientId: string; certFile: string; keyFile: string }
        | { kind: 'token'; accessToken: string };
    };

export interface Config {
  mode: Mode;
  http: {
    host: string;
    port: number;
    /** base URL printed at start and used in the OpenAPI document's servers; derived from host/port when absent. */
    publicUrl?: string;
    /** exact origins allowed by CORS; empty: no cross-origin access. */
    corsOrigins: string[];
    /** hosts that may frame the pages (Teams, SharePoint). */
    frameAncestors: string[];
    /** request bodies larger than this are refused with 413. Fixed by the API contract. */
    bodyLimit: number;
    trustProxy: boolean;
    /** writes per user per minute (per instance: the limiter's counters live in memory). */
    writeRateLimitPerMinute: number;
  };
  dataDir: string;
  /** the SQLite file (local store, and where a sqlite store would live). */
  databaseFile: string;
  store: StoreConfig;
  pagesDir: string;
  /** the municipality's letter templates and organisation profile (organisation.json, logo). */
  templatesDir: string;
  /** the resident's status page (issue 19, resident/): its own process and port. */
  resident: {
    host: string;
    port: number;
    /** the address printed in letters. */
    publicUrl: string;
    /** hex secret of the access codes' HMAC (≥ 32 bytes); unset: a random one in the data folder. */
    codeSecret?: string;
  };
  /** what the municipality sets in its privacy protocol; letters and the privacy documents quote it. */
  process: {
    /** when personal data of a closed case is destroyed. Applies to cases closed from then on (the date is fixed at closure). */
    retention: RetentionConfig;
    /**
     * the municipality's street names (BAG "openbare ruimte" names) from SJV_STREET_NAMES_FILE, for the
     * identifier guard's "<street> <house number>" check; empty when unset.
     */
    streetNames: readonly string[];
    /** about how many days until the signaaltafel first weighs a new concern (SJV_TRIAGE_DAYS; the intake card says it). */
    triageDays: number;
    /** days back the intake's duplicate hint looks (SJV_DUPLICATE_WINDOW_DAYS; 0 turns the hint off). */
    duplicateWindowDays: number;
  };
  log: {
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    /** key of the HMAC that turns user ids into log pseudonyms; local mode generates one in the data dir. */
    pseudonymKey?: string;
  };
  demo: {
    /**
     * seed a handful of fictitious demo cases on the first start of an empty local store (SJV_DEMO_CASES,
     * default on in local mode). Never seeded in production mode: a `true` there is ignored with a log line.
     */
    cases: boolean;
  };
  jobs: {
    enabled: boolean;
    intervalMinutes: number;
    /** reminders look this many days ahead for informing deadlines and enrichment due dates. */
    reminderLeadDays: number;
  };
  auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; issue: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} (${p.issue})`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

export const BODY_LIMIT_BYTES = 64 * 1024;
export const LOCAL_TENANT_ID = '00000000-0000-4000-8000-00000000c0de';
const LOCAL_ISSUER = 'urn:signaalpunt:local:{tid}';
const LOCAL_AUDIENCE = 'api://signaalpunt-local';
const ENTRA_ISSUERS = ['https://login.microsoftonline.com/{tid}/v2.0', 'https://sts.windows.net/{tid}/'];
const TEAMS_FRAME_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.office.com', 'https://*.sharepoint.com'];

const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const bool = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => v === 'true' || v === '1' || v === 'on');
const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin like https://host[:port], without path');
const baseRole = z.enum(['partner', 'procesregisseur', 'voorzitter', 'privacyOfficer']);
const groupMap = z.record(
  z.string().min(1).max(100),
  z.strictObject({ organisation: z.string().regex(/^[a-z0-9-]{1,64}$/), roles: z.array(baseRole).min(1) }),
);

/** A retention setting: a whole number within the bounds the core allows; unset means the default of PROCESS.md. */
function retentionVariable(key: keyof RetentionConfig) {
  const { min, max } = RETENTION_LIMITS[key];
  return z.coerce.number().int().min(min).max(max).default(DEFAULT_RETENTION[key]);
}

const EnvSchema = z.object({
  SJV_MODE: z.enum(['local', 'production']).default('local'),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  SJV_PUBLIC_URL: z.url().optional(),
  SJV_DATA_DIR: z.string().min(1).default('./data'),
  SJV_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  SJV_PAGES_DIR: z.string().min(1).default('./teams-app/dist'),
  SJV_TEMPLATES_DIR: z.string().min(1).optional(),
  SJV_RESIDENT_PORT: z.coerce.number().int().min(0).max(65535).default(3979),
  SJV_RESIDENT_HOST: z.string().min(1).optional(),
  SJV_RESIDENT_PUBLIC_URL: z.url().optional(),
  SJV_RESIDENT_CODE_SECRET: z.string().regex(/^[0-9a-fA-F]{64,}$/).optional(),
  SJV_STREET_NAMES_FILE: z.string().min(1).optional(),
  SJV_RETENTION_INBRENG_DAYS: retentionVariable('closedInInbrengDays'),
  SJV_RETENTION_VERRIJKING_DAYS: retentionVariable('closedInVerrijkingDays'),
  SJV_RETENTION_AFTER_BESPREKING_MONTHS: retentionVariable('closedAfterBesprekingMonths'),
  SJV_RETENTION_MAX_YEARS_AFTER_23: retentionVariable('maxYearsAfter23rdBirthday'),
  SJV_CORS_ORIGINS: csv.pipe(z.array(origin)).default([]),
  SJV_FRAME_ANCESTORS: csv.optional(),
  SJV_TRUST_PROXY: bool.default(false),
  SJV_WRITE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  SJV_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SJV_LOG_PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters').optional(),
  SJV_DEMO_CASES: bool.optional(),
  SJV_JOBS: bool.default(true),
  SJV_JOB_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  SJV_REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  SJV_TRIAGE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  SJV_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  SJV_LOCAL_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(24 * 3600).default(8 * 3600),
  SJV_ENTRA_TENANT_ID: z.uuid().optional(),
  SJV_ENTRA_CLIENT_ID: z.uuid().optional(),
  SJV_ENTRA_AUDIENCES: csv.pipe(z.array(z.string().min(1))).optional(),
  SJV_ENTRA_ALLOWED_TENANTS: csv.pipe(z.array(z.uuid()).min(1)).optional(),
  SJV_ENTRA_GROUP_MAP: z.string().optional(),
  SJV_ENTRA_JWKS_URL: z.url().optional(),
  SJV_ENTRA_CLIENT_APPS: csv.pipe(z.array(z.uuid())).optional(),
  SJV_STORE: z.enum(['sqlite', 'sharepoint']).optional(),
  SJV_ALLOW_SQLITE_IN_PRODUCTION: bool.default(false),
  SJV_SP_SITE_URL: z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'an http(s) URL of the site, without query').optional(),
  SJV_SP_TENANT_ID: z.uuid().optional(),
  SJV_SP_CLIENT_ID: z.uuid().optional(),
  SJV_SP_CERT_FILE: z.string().min(1).optional(),
  SJV_SP_KEY_FILE: z.string().min(1).optional(),
  SJV_SP_ACCESS_TOKEN: z.string().min(1).optional(),
  SJV_ENTRA_ISSUERS: csv.pipe(z.array(z.string().includes('{tid}', { message: 'each issuer template contains {tid}' })).min(1)).optional(),
});

/** One street name per line (UTF-8, BOM allowed); blank lines and lines starting with # are skipped. */
const streetNamesSchema = z.array(z.string().max(120, 'a street name of at most 120 characters').regex(/\p{L}/u, 'a street name with a letter')).max(100_000, 'at most 100,000 street names');

/** Reads the municipality's street names (SJV_STREET_NAMES_FILE); a problem names the variable, never a line. */
function readStreetNames(file: string, problems: { variable: string; issue: string }[]): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push({ variable: 'SJV_STREET_NAMES_FILE', issue: 'the file cannot be read' });
    return [];
  }
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  const parsed = streetNamesSchema.safeParse(lines);
  if (!parsed.success) {
    problems.push({ variable: 'SJV_STREET_NAMES_FILE', issue: parsed.error.issues[0]?.message ?? 'invalid' });
    return [];
  }
  return parsed.data;
}

/** Every environment variable the server reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/** Reads and validates the configuration. Throws ConfigError naming every wrong or missing variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Config {
  // An empty variable (as .env files often have) counts as unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in EnvSchema.shape && v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), issue: i.message })));
  const e = parsed.data;
  const problems: { variable: string; issue: string }[] = [];
  const dataDir = isAbsolute(e.SJV_DATA_DIR) ? e.SJV_DATA_DIR : resolve(cwd, e.SJV_DATA_DIR);

  const databaseFile = join(dataDir, 'signaalpunt.db');
  const streetNames = e.SJV_STREET_NAMES_FILE === undefined ? [] : readStreetNames(isAbsolute(e.SJV_STREET_NAMES_FILE) ? e.SJV_STREET_NAMES_FILE : resolve(cwd, e.SJV_STREET_NAMES_FILE), problems);
  const store = storeConfig(e, databaseFile, cwd, problems);

  let auth: AuthConfig;
  if (e.SJV_MODE === 'production') {
    const required = ['SJV_ENTRA_TENANT_ID', 'SJV_ENTRA_CLIENT_ID', 'SJV_ENTRA_ALLOWED_TENANTS', 'SJV_ENTRA_GROUP_MAP', 'SJV_LOG_PSEUDONYM_KEY'] as const;
    for (const name of required) if (e[name] === undefined) problems.push({ variable: name, issue: 'required in production' });
    // The SharePoint web part calls the API from https://<tenant>.sharepoint.com: without that origin every
    // call of the procesregisseur's case list fails CORS, so production does not start without it.
    if (e.SJV_CORS_ORIGINS.length === 0) problems.push({ variable: 'SJV_CORS_ORIGINS', issue: "required in production: the web part's origin, https://<tenant>.sharepoint.com" });
    else if (e.SJV_CORS_ORIGINS.some((o) => !o.startsWith('https://'))) problems.push({ variable: 'SJV_CORS_ORIGINS', issue: 'https origins only in production' });
    let map: Record<string, GroupMapping> = {};
    if (e.SJV_ENTRA_GROUP_MAP !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(e.SJV_ENTRA_GROUP_MAP);
      } catch {
        problems.push({ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'not valid JSON' });
      }
      if (json !== undefined) {
        const m = groupMap.safeParse(json);
        if (!m.success) problems.push({ variable: 'SJV_ENTRA_GROUP_MAP', issue: m.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join(', ') });
        else if (Object.keys(m.data).length === 0) problems.push({ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'maps no group' });
        else map = Object.fromEntries(Object.entries(m.data).map(([group, v]) => [group, { organisationId: v.organisation, roles: [...new Set(v.roles)] }]));
      }
    }
    if (problems.length) throw new ConfigError(problems);
    const tenantId = e.SJV_ENTRA_TENANT_ID!;
    const clientId = e.SJV_ENTRA_CLIENT_ID!;
    auth = {
      mode: 'production',
      tenantId,
      clientId,
      audiences: e.SJV_ENTRA_AUDIENCES ?? [clientId, `api://${clientId}`],
      allowedTenants: e.SJV_ENTRA_ALLOWED_TENANTS!,
      issuers: e.SJV_ENTRA_ISSUERS ?? ENTRA_ISSUERS,
      jwksUrl: e.SJV_ENTRA_JWKS_URL ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
      groupMap: map,
      clientApps: [
        ...KNOWN_CLIENT_APPS,
        ...(e.SJV_ENTRA_CLIENT_APPS ?? []).map((id): ClientApp => ({ id: id.toLowerCase(), name: 'configured (SJV_ENTRA_CLIENT_APPS)', scope: 'user_impersonation' })),
      ],
    };
  } else {
    if (problems.length) throw new ConfigError(problems);
    auth = {
      mode: 'local',
      tenantId: LOCAL_TENANT_ID,
      issuers: [LOCAL_ISSUER],
      audiences: [LOCAL_AUDIENCE],
      allowedTenants: [LOCAL_TENANT_ID],
      tokenTtlSeconds: e.SJV_LOCAL_TOKEN_TTL_SECONDS,
    };
  }

  const config: Config = {
    mode: e.SJV_MODE,
    http: {
      host: e.HOST ?? (e.SJV_MODE === 'production' ? '0.0.0.0' : '127.0.0.1'),
      port: e.PORT,
      ...(e.SJV_PUBLIC_URL ? { publicUrl: e.SJV_PUBLIC_URL.replace(/(?<!\/)\/+$/, '') } : {}),
      corsOrigins: e.SJV_CORS_ORIGINS,
      frameAncestors: e.SJV_FRAME_ANCESTORS ?? TEAMS_FRAME_ANCESTORS,
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: e.SJV_TRUST_PROXY,
      writeRateLimitPerMinute: e.SJV_WRITE_RATE_LIMIT,
    },
    dataDir,
    databaseFile,
    store: store!,
    pagesDir: isAbsolute(e.SJV_PAGES_DIR) ? e.SJV_PAGES_DIR : resolve(cwd, e.SJV_PAGES_DIR),
    templatesDir: e.SJV_TEMPLATES_DIR === undefined ? checkoutTemplatesDir() : isAbsolute(e.SJV_TEMPLATES_DIR) ? e.SJV_TEMPLATES_DIR : resolve(cwd, e.SJV_TEMPLATES_DIR),
    resident: {
      host: e.SJV_RESIDENT_HOST ?? (e.SJV_MODE === 'production' ? '0.0.0.0' : '127.0.0.1'),
      port: e.SJV_RESIDENT_PORT,
      publicUrl: withoutTrailingSlashes(e.SJV_RESIDENT_PUBLIC_URL ?? `http://127.0.0.1:${e.SJV_RESIDENT_PORT}`),
      ...(e.SJV_RESIDENT_CODE_SECRET ? { codeSecret: e.SJV_RESIDENT_CODE_SECRET } : {}),
    },
    process: {
      // each value was checked against RETENTION_LIMITS by its variable's schema above
      retention: {
        closedInInbrengDays: e.SJV_RETENTION_INBRENG_DAYS,
        closedInVerrijkingDays: e.SJV_RETENTION_VERRIJKING_DAYS,
        closedAfterBesprekingMonths: e.SJV_RETENTION_AFTER_BESPREKING_MONTHS,
        maxYearsAfter23rdBirthday: e.SJV_RETENTION_MAX_YEARS_AFTER_23,
      },
      streetNames,
      triageDays: e.SJV_TRIAGE_DAYS,
      duplicateWindowDays: e.SJV_DUPLICATE_WINDOW_DAYS,
    },
    log: { level: e.SJV_LOG_LEVEL, ...(e.SJV_LOG_PSEUDONYM_KEY ? { pseudonymKey: e.SJV_LOG_PSEUDONYM_KEY } : {}) },
    demo: { cases: e.SJV_DEMO_CASES ?? e.SJV_MODE !== 'production' },
    jobs: { enabled: e.SJV_JOBS, intervalMinutes: e.SJV_JOB_INTERVAL_MINUTES, reminderLeadDays: e.SJV_REMINDER_LEAD_DAYS },
    auth,
  };
  return Object.freeze(config);
}

/**
 * The store setting. Local mode defaults to the embedded SQLite store; production defaults to SharePoint and
 * refuses SQLite unless SJV_ALLOW_SQLITE_IN_PRODUCTION=true says so explicitly (one instance, a file on the
 * server's disk: no item permissions, no shared queue across instances). SharePoint needs its site and an
 * app-only credential: a certificate (SJV_SP_TENANT_ID, SJV_SP_CLIENT_ID, SJV_SP_CERT_FILE, SJV_SP_KEY_FILE)
 * or, outside production, a ready token (SJV_SP_ACCESS_TOKEN); production needs an https site URL.
 */
function storeConfig(e: z.infer<typeof EnvSchema>, databaseFile: string, cwd: string, problems: { variable: string; issue: string }[]): StoreConfig | undefined {
  const production = e.SJV_MODE === 'production';
  const kind = e.SJV_STORE ?? (production ? 'sharepoint' : 'sqlite');
  if (kind === 'sqlite') {
    if (production && !e.SJV_ALLOW_SQLITE_IN_PRODUCTION) {
      problems.push({ variable: 'SJV_STORE', issue: 'sqlite is refused in production: use sharepoint, or set SJV_ALLOW_SQLITE_IN_PRODUCTION=true' });
      return undefined;
    }
    const checkpoints = e.SJV_AUDIT_CHECKPOINT_FILE;
    return { kind: 'sqlite', file: databaseFile, auditCheckpointFile: checkpoints ? (isAbsolute(checkpoints) ? checkpoints : resolve(cwd, checkpoints)) : join(dirname(databaseFile), 'audit-checkpoints.jsonl') };
  }
  const before = problems.length;
  if (e.SJV_SP_SITE_URL === undefined) problems.push({ variable: 'SJV_SP_SITE_URL', issue: 'required with SJV_STORE=sharepoint' });
  else if (production && !e.SJV_SP_SITE_URL.startsWith('https://')) problems.push({ variable: 'SJV_SP_SITE_URL', issue: 'must be https in production' });
  const certificate = ['SJV_SP_TENANT_ID', 'SJV_SP_CLIENT_ID', 'SJV_SP_CERT_FILE', 'SJV_SP_KEY_FILE'] as const;
  if (production && e.SJV_SP_ACCESS_TOKEN !== undefined) problems.push({ variable: 'SJV_SP_ACCESS_TOKEN', issue: 'not accepted in production: use the certificate settings' });
  const useToken = !production && e.SJV_SP_ACCESS_TOKEN !== undefined;
  if (!useToken) for (const name of certificate) if (e[name] === undefined) problems.push({ variable: name, issue: 'required with SJV_STORE=sharepoint' });
  if (problems.length > before) return undefined;
  const file = (f: string): string => (isAbsolute(f) ? f : resolve(cwd, f));
  return {
    kind: 'sharepoint',
    siteUrl: e.SJV_SP_SITE_URL!.replace(/(?<!\/)\/+$/, ''),
    credential: useToken
      ? { kind: 'token', accessToken: e.SJV_SP_ACCESS_TOKEN! }
      : { kind: 'certificate', tenantId: e.SJV_SP_TENANT_ID!, clientId: e.SJV_SP_CLIENT_ID!, certFile: file(e.SJV_SP_CERT_FILE!), keyFile: file(e.SJV_SP_KEY_FILE!) },
  };
}

/**
 * The root of the checkout (the folder holding templates/ and src/), found by walking up from this file:
 * works from `src/` under tsx/ts-jest and from `dist/src/` after a build.
 */
export function checkoutRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'templates', 'letters'))) return dir;
    dir = dirname(dir);
  }
  throw new ConfigError([{ variable: 'SJV_TEMPLATES_DIR', issue: 'the templates folder of the checkout was not found: set it' }]);
}

/** The templates folder that ships with the checkout (the default of SJV_TEMPLATES_DIR). */
export function checkoutTemplatesDir(): string {
  return join(checkoutRoot(), 'templates');
}

/** The issuers a verifier accepts: every template for every allowed tenant. */
export function expandIssuers(templates: readonly string[], tenants: readonly string[]): string[] {
  return tenants.flatMap((tid) => templates.map((t) => t.replaceAll('{tid}', tid)));
}

/** The URL without its trailing slashes (a loop: an end-anchored `/+$` is quadratic on a run of slashes). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}
