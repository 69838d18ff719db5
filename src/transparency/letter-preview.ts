/**
 * A letter's text before it is made (issue 16): the same template and values as the generateLetter command,
 * and its checks — the kind's phases from the command table, the policy, identity, something shared —
 * rendered as Markdown text, without recording anything as sent
 * and without issuing an access code (the preview shows a placeholder where the code will be). Reading the
 * case's identity for it is audited with its purpose, as every read of group C is.
 */
import type { AuditInput } from '../core/audit';
import type { Result } from '../core/errors';
import { DomainError, fail, ok } from '../core/errors';
import type { DataGroup, User } from '../core/model';
import { viewFor } from '../core/views';
import type { TransparencyDeps } from './deps';
import { regisseurMay } from './deps';
import { toMarkdown } from './document';
import { z } from 'zod';
import { HANDLERS } from '../core/handlers';
import { COMMANDS, letterCode } from '../core/phases';
import { COMMAND_SCHEMAS } from '../core/schemas';
import type { TemplateSet } from './letters';
import { letterDocument, letterValues } from './letters';

/** The preview's request: the generateLetter command's input without its idempotency key (nothing is recorded). */
export const letterPreviewSchema = COMMAND_SCHEMAS.generateLetter;
export type LetterPreviewRequest = Omit<z.input<typeof letterPreviewSchema>, 'commandId'>;

/** Where the preview shows the access code: it is made only with the letter itself. */
const PREVIEW_CODE = '····-····-····';

export async function previewLetter(deps: TransparencyDeps, templates: TemplateSet, user: User, raw: LetterPreviewRequest): Promise<Result<{ title: string; text: string }>> {
  const parsed = letterPreviewSchema.safeParse(raw);
  if (!parsed.success) return fail('VALIDATION.INVALID_INPUT', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.code })) });
  const req = parsed.data;
  if (!user.roles.includes('procesregisseur')) return fail('AUTH.FORBIDDEN');
  const { store, clock, policy } = deps;
  try {
    const organisations = new Map((await store.listOrganisations()).map((o) => [o.id, o]));
    const now = clock.now().toISOString();
    const record = await store.transaction((tx) => tx.getCase(req.caseId));
    if (!record) throw new DomainError('CASE.NOT_FOUND');
    const usesContact = record.contact?.address !== undefined;
    const usesDiscussion = req.kind === 'invitation' && record.discussion !== undefined;
    const needs: Parameters<typeof regisseurMay>[5] = [
      { group: 'C', access: 'read' },
      { group: 'H', access: 'write' },
      ...(usesDiscussion ? [{ group: 'E' as const, access: 'read' as const }] : []),
      ...(usesContact ? [{ group: 'F' as const, access: 'read' as const }] : []),
    ];
    // refused as the command would be: outside the command's phases, by the policy, then by the command's own
    // handler (the kind's phases, identity, something shared, closed) — run on a copy, so nothing is recorded
    if (!COMMANDS.generateLetter.phases.includes(record.frame.phase)) throw new DomainError('CASE.TRANSITION_NOT_ALLOWED');
    if (!regisseurMay(policy, user, record, organisations.get(user.organisationId), now, needs)) throw new DomainError('AUTH.FORBIDDEN');
    HANDLERS.generateLetter(structuredClone(record), req, { now, today: now.slice(0, 10), actor: user, role: 'procesregisseur', config: deps.config, organisations, newId: () => '' });
    const { view } = viewFor(user, record, organisations.get(user.organisationId), now, policy);
    if (!view) throw new DomainError('AUTH.FORBIDDEN');
    const access = deps.residentCodes ? { code: PREVIEW_CODE, url: deps.residentCodes.publicUrl } : undefined;
    const values = letterValues({ view, kind: req.kind, locale: req.locale, now, organisations, deps, ...(req.meeting ? { meeting: req.meeting } : {}), ...(access ? { access } : {}) });
    const doc = letterDocument(templates[req.locale][req.kind], values);
    const groups: DataGroup[] = ['C', ...(usesDiscussion ? (['E'] as const) : []), ...(usesContact ? (['F'] as const) : [])];
    const row: AuditInput = {
      at: now,
      actorId: user.id,
      role: 'procesregisseur',
      caseId: record.id,
      reference: record.frame.reference,
      phase: record.frame.phase,
      action: 'read',
      groups,
      purpose: `voorbeeld brief aan inwoner (${letterCode(req.kind)}), niet verzonden`,
      commandId: null,
    };
    await store.transaction((tx) => tx.appendAudit([row]));
    return ok({ title: doc.title, text: toMarkdown(doc) });
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e };
    throw e;
  }
}
