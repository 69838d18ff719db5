/**
 * Transparency and accountability over HTTP (issue 7): the makers of the letters to the resident (their
 * route is the command table's `generateLetter`, src/server/operations.ts), the access export
 * (AVG art. 15), the processing register and DPIA annex, anonymous statistics (JSON or CSV) and the
 * informing deadlines. Each operation is a thin call into src/transparency, which decides who may do what.
 * The organisation profile and letter templates are loaded and checked once, when the routes are built,
 * so a broken template stops the server at start instead of failing a letter later.
 */
import { parseISO } from 'date-fns';
import { z } from 'zod';
import { DomainError } from '../../core/errors';
import { dueDeadlines } from '../../core/deadlines';
import { POLICY } from '../../core/policy';
import { isoDate } from '../../core/schemas';
import type { AccessRequest } from '../../transparency/access-export';
import { AccessExportService, accessRequestSchema } from '../../transparency/access-export';
import type { TransparencyDeps } from '../../transparency/deps';
import { transparencyDeps } from '../../transparency/deps';
import { toMarkdown } from '../../transparency/document';
import { renderDocx } from '../../transparency/docx';
import type { TemplateSet } from '../../transparency/letters';
import { DOCX_TYPE, letterMaker, loadLetterTemplates } from '../../transparency/letters';
import { previewLetter } from '../../transparency/letter-preview';
import { LETTER_KINDS } from '../../core/phases';
import { meetingSchema } from '../../core/schemas';
import type { PrivacyDocName } from '../../transparency/privacy-docs';
import { PRIVACY_DOCS } from '../../transparency/privacy-docs';
import type { OrganisationProfile } from '../../transparency/profile';
import { loadResidentCodeSecret } from '../../transparency/access-codes';
import type { ResidentCodeDeps } from '../../transparency/deps';
import { ResidentAccessService } from '../../transparency/resident-access';
import { AttemptLimiter, DEFAULT_LIMITS } from '../../transparency/resident-limiter';
import { loadOrganisationProfile } from '../../transparency/profile';
import { StatisticsService, statisticsCsv } from '../../transparency/statistics';
import { accessExportSchema, informingRemindersSchema, residentLocksSchema, statisticsSchema } from '../response-schemas';
import { attachment, parseWith, unwrap } from '../operation-kit';
import type { DocumentMakers, Operation, OperationDeps } from '../operations';

export interface TransparencyAssets {
  profile: OrganisationProfile;
  templates: TemplateSet;
}

/** Loads and checks the organisation profile and the letter templates (config.templatesDir: SJV_TEMPLATES_DIR, else ./templates). */
export function loadTransparencyAssets(templatesDir: string): TransparencyAssets {
  return { profile: loadOrganisationProfile(`${templatesDir}/organisation.json`), templates: loadLetterTemplates(templatesDir) };
}

/** The residents' access codes: the server's store keeps them; the secret is read (or made) once, at start-up. */
const residentCodesFor = (deps: Pick<OperationDeps, 'config' | 'store'>): ResidentCodeDeps => ({
  store: deps.store,
  secret: loadResidentCodeSecret(deps.config.dataDir, deps.config.resident.codeSecret),
  publicUrl: deps.config.resident.publicUrl,
});

/** The transparency services of a server, built once at start-up (not per request). */
export interface TransparencyServices {
  /** what the services are built on (the letter preview runs on it too). */
  deps: TransparencyDeps;
  access: AccessExportService;
  resident: ResidentAccessService;
  statistics: StatisticsService;
  /** the status page's attempt limiter, read for the locked kenmerken (the server's store keeps its state). */
  locks: AttemptLimiter;
  /** the makers of the documents the core's document commands answer with (the command table's `document`). */
  documents: DocumentMakers;
}

export function transparencyServices(deps: Pick<OperationDeps, 'config' | 'store' | 'service' | 'now'>, assets: TransparencyAssets): TransparencyServices {
  const codes = residentCodesFor(deps);
  const t = transparencyDeps({ store: deps.store, clock: { now: () => deps.now() }, config: deps.service.config, policy: POLICY, profile: assets.profile, residentCodes: codes });
  return {
    deps: t,
    access: new AccessExportService(t),
    resident: new ResidentAccessService(t),
    statistics: new StatisticsService({ store: deps.store, clock: { now: () => deps.now() } }),
    locks: new AttemptLimiter(codes.store, codes.secret, DEFAULT_LIMITS),
    documents: { generateLetter: letterMaker(t, assets.templates) },
  };
}

const caseParams = z.strictObject({ caseId: z.uuid() });
/** a letter's preview: the generateLetter command's input without its case (the path) and idempotency key (nothing is recorded). */
const previewBody = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  locale: z.enum(['nl', 'en']).default('nl'),
  meeting: meetingSchema.optional().describe('required for the invitation'),
});
const accessBody = accessRequestSchema.extend({ format: z.enum(['json', 'docx']).default('json') });
const docQuery = z.strictObject({ format: z.enum(['markdown', 'docx']).default('markdown') });
const statisticsQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  locale: z.enum(['nl', 'en']).default('nl'),
  format: z.enum(['json', 'csv']).default('json'),
});
const remindersQuery = z.strictObject({
  withinDays: z.coerce.number().int().min(0).max(60).default(7),
  asOf: isoDate.optional().describe('local mode only: as if on this day'),
});

const base = { tag: 'accountability' as const, auth: true };

export function transparencyOperations(assets: TransparencyAssets): Operation[] {
  const privacyDoc = (name: PrivacyDocName, path: string, summary: string): Operation => ({
    ...base,
    operationId: name === 'register' ? 'getProcessingRegister' : 'getDpiaAnnex',
    method: 'GET',
    path,
    summary,
    write: false,
    query: docQuery,
    success: { status: 200, description: 'text/markdown, or a .docx with format=docx. Generated from the policy table and the retention configuration.', contentType: 'text/markdown', alsoAs: [DOCX_TYPE] },
    run: async ({ query, deps }) => {
      const q = query as z.output<typeof docQuery>;
      const doc = PRIVACY_DOCS[name]({ policy: POLICY, retention: deps.service.config.retention, profile: assets.profile });
      if (q.format === 'docx') return { status: 200, body: await renderDocx(doc, assets.profile, { locale: 'nl', letterhead: false }), headers: attachment(`${name}.docx`, DOCX_TYPE) };
      return { status: 200, body: toMarkdown(doc), headers: { 'content-type': 'text/markdown; charset=utf-8' } };
    },
  });
  return [
    {
      ...base,
      operationId: 'previewLetter',
      method: 'POST',
      path: '/api/v1/cases/{caseId}/letters/preview',
      summary: 'The text of a letter to the resident before it is made: nothing is recorded as sent and no access code is issued (procesregisseur; the read is audited)',
      write: true, // it appends an audit row: rate-limited as a write
      roles: ['procesregisseur'],
      params: caseParams,
      body: previewBody,
      success: { status: 200, description: 'The letter’s title and its text as Markdown; a placeholder where the access code will be.', schema: z.strictObject({ title: z.string(), text: z.string() }) },
      extraResponses: { 409: 'The letter does not fit the case’s phase, or nothing was shared yet (CASE.PRECONDITION_FAILED).' },
      run: async ({ user, params, body, deps }) => {
        const b = parseWith(previewBody, body ?? {});
        return { status: 200, body: unwrap(await previewLetter(deps.transparency.deps, assets.templates, user, { caseId: params.caseId!, ...b })), headers: { 'cache-control': 'no-store' } };
      },
    },
    {
      ...base,
      operationId: 'exportResidentData',
      method: 'POST',
      path: '/api/v1/access-requests',
      summary: 'Access request (AVG art. 15): everything held on a resident found by name and date of birth, with who received or read it (procesregisseur)',
      write: true,
      roles: ['procesregisseur'],
      body: accessBody,
      success: { status: 200, description: 'The export as JSON, or a readable .docx with format=docx. The export itself is audited.', schema: accessExportSchema, alsoAs: [DOCX_TYPE] },
      run: async ({ user, body, deps }) => {
        const { format, ...request } = parseWith(accessBody, body ?? {});
        const result = unwrap(await deps.transparency.access.export(user, request as AccessRequest));
        if (format === 'docx') return { status: 200, body: result.docx.data, headers: attachment(result.docx.fileName, result.docx.contentType) };
        return { status: 200, body: result.json };
      },
    },
    {
      ...base,
      operationId: 'revokeResidentCode',
      method: 'POST',
      path: '/api/v1/cases/{caseId}/access-code/revoke',
      summary: 'Revoke the resident’s access code of the status page: it opens nothing from now on (procesregisseur; audited)',
      write: true,
      roles: ['procesregisseur'],
      params: caseParams,
      success: { status: 200, description: 'The kenmerk and when the code was revoked.', schema: z.strictObject({ reference: z.string(), revokedAt: z.iso.datetime({ offset: true }) }) },
      extraResponses: { 409: 'No code was issued for this case (CASE.PRECONDITION_FAILED).' },
      run: async ({ user, params, deps }) => ({ status: 200, body: unwrap(await deps.transparency.resident.revoke(user, params.caseId!)) }),
    },
    {
      ...base,
      operationId: 'reissueResidentCode',
      method: 'POST',
      path: '/api/v1/cases/{caseId}/access-code/reissue',
      summary: 'Issue a new access code for the resident’s status page; the previous one stops working. The code is shown this once (procesregisseur; audited)',
      write: true,
      roles: ['procesregisseur'],
      params: caseParams,
      success: { status: 200, description: 'The kenmerk and the new code (only its hash is kept).', schema: z.strictObject({ reference: z.string(), code: z.string(), issuedAt: z.iso.datetime({ offset: true }) }) },
      run: async ({ user, params, deps }) => ({ status: 200, body: unwrap(await deps.transparency.resident.reissue(user, params.caseId!)), headers: { 'cache-control': 'no-store' } }),
    },
    {
      ...base,
      operationId: 'listResidentRequests',
      method: 'GET',
      path: '/api/v1/resident/requests',
      summary: 'Requests residents made on their status page (full access export, objection), with the one-month deadline (procesregisseur)',
      write: false,
      roles: ['procesregisseur'],
      success: {
        status: 200,
        description: 'Kenmerk and case id (to open the case), kind (access | objection), when, due on; no personal data.',
        schema: z.strictObject({ items: z.array(z.strictObject({ reference: z.string(), caseId: z.string(), kind: z.enum(['access', 'objection']), at: z.iso.datetime({ offset: true }), dueOn: isoDate, status: z.string() })) }),
      },
      run: async ({ user, deps }) => {
        if (!user.roles.includes('procesregisseur')) throw new DomainError('AUTH.FORBIDDEN');
        const rows = await deps.store.listResidentState('request');
        const items = rows
          .map((r) => JSON.parse(r.json) as { reference: string; caseId: string; kind: string; at: string; dueOn: string; status: string })
          .map(({ reference, caseId, kind, at, dueOn, status }) => ({ reference, caseId, kind, at, dueOn, status }));
        return { status: 200, body: { items: items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.at.localeCompare(b.at)) } };
      },
    },
    {
      ...base,
      operationId: 'listResidentLocks',
      method: 'GET',
      path: '/api/v1/resident/locks',
      summary: 'Kenmerken of the status page that are locked or slowed down now after failed attempts (procesregisseur)',
      write: false,
      roles: ['procesregisseur'],
      success: { status: 200, description: 'Kenmerk, failures, locked until (one address) or not before (the kenmerk’s gap).', schema: residentLocksSchema },
      run: async ({ user, deps }) => {
        if (!user.roles.includes('procesregisseur')) throw new DomainError('AUTH.FORBIDDEN');
        return { status: 200, body: { items: await deps.transparency.locks.locked(deps.now()) } };
      },
    },
    privacyDoc('register', '/api/v1/privacy/register', 'The processing register (AVG art. 30), generated from the policy table and the retention configuration'),
    privacyDoc('dpia-annex', '/api/v1/privacy/dpia-annex', 'The DPIA annex (per phase: data, purpose, recipients, retention, measures), generated from the policy table'),
    {
      ...base,
      operationId: 'getStatistics',
      method: 'GET',
      path: '/api/v1/statistics',
      summary: 'Anonymous evaluation figures for a period, small counts shown as "<5" (procesregisseur, voorzitter, privacy officer)',
      write: false,
      roles: ['procesregisseur', 'voorzitter', 'privacyOfficer'],
      query: statisticsQuery,
      success: { status: 200, description: 'The figures as JSON, or as CSV with format=csv. Never a reference or identity.', schema: statisticsSchema, alsoAs: ['text/csv'] },
      run: async ({ user, query, deps }) => {
        const q = query as z.output<typeof statisticsQuery>;
        const report = unwrap(await deps.transparency.statistics.report(user, { from: q.from, to: q.to }, q.locale));
        if (q.format === 'csv') return { status: 200, body: statisticsCsv(report), headers: attachment(`statistieken-${q.from}-${q.to}.csv`, 'text/csv; charset=utf-8') };
        return { status: 200, body: report };
      },
    },
    {
      ...base,
      operationId: 'listInformingReminders',
      method: 'GET',
      path: '/api/v1/informing/reminders',
      summary: 'Cases whose resident must be informed soon or is overdue: references and inbrengers, no identity (procesregisseur)',
      write: false,
      roles: ['procesregisseur'],
      query: remindersQuery,
      success: { status: 200, description: 'Most urgent first.', schema: informingRemindersSchema },
      run: async ({ query, deps }) => {
        const q = query as z.output<typeof remindersQuery>;
        if (q.asOf !== undefined && deps.config.mode !== 'local') throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'asOf', issue: 'LOCAL_MODE_ONLY' }] });
        const asOf = q.asOf !== undefined ? parseISO(q.asOf) : deps.now();
        const due = await dueDeadlines(deps.store, asOf, { withinDays: q.withinDays, informingDeadlineMonths: deps.service.config.informingDeadlineMonths });
        return { status: 200, body: { items: due.informing } };
      },
    },
  ];
}
