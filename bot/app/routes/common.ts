/**
 * What every route shares: its context, the generic notice card, and turning refusals (of a card submit or
 * of the core) into lines a person understands. Error lines name codes, fields, categories and positions,
 * never the text that was refused.
 */
import type { DomainError } from '../../../src/core/errors';
import type { GuardOptions, IdentifierCategory } from '../../../src/core/guard';
import { findIdentifiers } from '../../../src/core/guard';
import { ERROR_CODES } from '../../../src/core/errors';
import { fieldLabel as coreFieldLabel } from '../../../src/core/field-labels';
import type { CaseRecord } from '../../../src/core/model';
import type { CaseView } from '../../../src/core/views';
import { viewFor } from '../../../src/core/views';
import type { CardReference, CodeLabel } from '../code-labels';
import type { SubmitError } from '../card-input';
import { render } from '../cards';
import type { StringKey } from '../i18n';
import { formatDate, t, tKey } from '../i18n';
import type { BotDeps, Card, Locale, Member, Reply, Turn } from '../types';
import notice from '../../cards/notice.json';

export interface RouteContext {
  deps: BotDeps;
  member: Member;
  locale: Locale;
  turn: Turn;
}

export interface ActionInput {
  data: unknown;
  trigger: 'manual' | 'automatic';
}

export type ActionHandler = (ctx: RouteContext, input: ActionInput) => Promise<Card>;

/** One route: the typed commands that open it and the card actions (verbs) it answers. */
export interface Route {
  name: string;
  /** typed commands, lower case, nl and en. */
  commands?: readonly string[];
  onCommand?: (ctx: RouteContext) => Promise<Reply[]>;
  actions?: Readonly<Record<string, ActionHandler>>;
  /** the verbs among `actions` that write (count against the per-user write limit). */
  writes?: readonly string[];
}

export interface NoticeContent {
  title: string;
  lines?: string[];
  facts?: { title: string; value: string }[];
  errors?: string[];
  buttons?: { title: string; verb: string }[];
}

export function noticeCard(locale: Locale, content: NoticeContent): Card {
  return render(notice, locale, { lines: [], facts: [], errors: [], buttons: [], ...content });
}

/** A field of a refused input, in words: "Veld Risicosignalen: is te kort of te klein". */
function fieldLine(locale: Locale, path: string, issue: string, fieldLabel: (path: string) => string | undefined, fieldMessage?: FieldMessage): string {
  const own = fieldMessage?.(path, issue);
  if (own !== undefined) return own;
  const issueKey = `issue.${issue}`;
  const known = ['missing', 'unexpected', 'type', 'too_big', 'too_small', 'UNKNOWN_CODE', 'AGE_REQUIRED', 'INVALID_DATE', 'IN_FUTURE', 'REQUIRED', 'NOT_IN_FUTURE', 'OUT_OF_RANGE', 'ONLY_WHEN_KNOWN'];
  const text = tKey(locale, known.includes(issue) ? issueKey : 'issue.other');
  // the card's own label, else the core's one table of field labels; never the raw path ("Veld known")
  const name = fieldLabel(path) ?? coreFieldLabel(path, locale);
  if (name !== undefined) return t(locale, 'error.field', { path: name, issue: text });
  // a stray key the card does not have is named (so the sender can find it); any other unknown path is not echoed
  return issue === 'unexpected' && /^[A-Za-z0-9_.-]{1,64}$/.test(path) ? t(locale, 'error.field', { path, issue: text }) : t(locale, 'error.fieldUnnamed', { issue: text });
}

export function submitErrorLines(locale: Locale, error: SubmitError, fieldLabel: (path: string) => string | undefined = () => undefined): string[] {
  if (error.code === 'CARD_INVALID') return [t(locale, 'error.CARD_INVALID'), ...error.fields.map((f) => fieldLine(locale, f.path, f.issue, fieldLabel))];
  return [t(locale, `error.${error.code}` as StringKey)];
}

/** A card's own line for a refused field (e.g. "Kies minstens één risicosignaal"), or undefined for the generic one. */
export type FieldMessage = (path: string, issue: string) => string | undefined;

/** The core's refusal in words; for a detected identifier: what was found, in which field, and its placeholder. */
export function domainErrorLines(locale: Locale, error: DomainError, fieldLabel: (path: string) => string | undefined = () => undefined, fieldMessage?: FieldMessage): string[] {
  if (error.code === 'INTAKE.IDENTIFIER_DETECTED') {
    const spans = error.details.spans ?? [];
    return [
      t(locale, 'intake.errorIdentifier'),
      ...spans.map((s) =>
        t(locale, 'intake.found', {
          category: tKey(locale, `category.${s.category}`),
          field: tKey(locale, `field.${s.field ?? 'freeText'}`),
          placeholder: tKey(locale, `placeholder.${s.category}`),
        }),
      ),
    ];
  }
  const head = locale === 'en-US' ? ERROR_CODES[error.code].en : ERROR_CODES[error.code].nl;
  const fields = (error.details.fields ?? []).map((f) => fieldLine(locale, f.path, f.issue, fieldLabel, fieldMessage));
  return [head, ...fields, t(locale, 'common.nothingStored')];
}

export function refusalCard(locale: Locale, reason: 'UNKNOWN_USER' | 'NOT_A_MEMBER'): Card {
  return noticeCard(locale, { title: t(locale, 'refusal.title'), errors: [t(locale, `refusal.${reason}`)] });
}

/** The case record read by the system (not shown to anyone as such: cards copy from the allow-list view). */
export async function loadRecord(deps: BotDeps, caseId: string): Promise<CaseRecord | undefined> {
  return deps.store.transaction((tx) => tx.getCase(caseId));
}

/**
 * The allow-list view a member may see of a case now, for cards that show only process-level fields
 * (groups A and B). Personal groups in it are never put on such a card, so this read is not audited;
 * cards that do show personal data use the service's getCase, which audits.
 */
export function processView(deps: BotDeps, member: Member, record: CaseRecord): CaseView | undefined {
  return viewFor(member.user, record, member.organisation, deps.clock.now().toISOString()).view;
}

/**
 * What helps the inbrenger recognise which young person a case is about without identifying anyone: the
 * day it was brought in (group A), the age band and the first two risk signals (group B), in the card's
 * locale. Built only from the reader's allow-list view: what the view does not hold is left out.
 */
export function recognitionLine(locale: Locale, view: CaseView | undefined, codeLabel: CodeLabel): string {
  if (!view) return '';
  const parts: string[] = [];
  if (view.frame?.createdAt) parts.push(t(locale, 'recognition.broughtIn', { date: formatDate(locale, view.frame.createdAt) }));
  const concern = view.concern;
  if (concern) {
    if (concern.ageBand && concern.ageBand !== 'unknown') parts.push(codeLabel('ageBands', concern.ageBand));
    const signals = concern.riskSignals.slice(0, 2).map((code) => codeLabel('riskSignals', code));
    const more = concern.riskSignals.length - signals.length;
    if (signals.length > 0) parts.push(signals.join(', ') + (more > 0 ? ` ${t(locale, 'recognition.more', { count: more })}` : ''));
  }
  return parts.join(' · ');
}

/** The placeholder that stands in a card's text for an identifier of this category: "[naam]", "[BSN]". */
export const placeholder = (locale: Locale, category: IdentifierCategory): string => t(locale, `placeholder.${category}`);

/**
 * A guarded free text as it may go back on a card: each identifier the guard finds replaced by its
 * placeholder in the card's locale, so that a refused card never writes it into the chat history.
 */
export function maskIdentifiers(locale: Locale, text: string, options: GuardOptions = {}): string {
  let out = '';
  let at = 0;
  // Hits come sorted by start and non-overlapping.
  for (const hit of findIdentifiers(text, options)) {
    out += text.slice(at, hit.start) + placeholder(locale, hit.category);
    at = hit.end;
  }
  return out + text.slice(at);
}

/**
 * Values of a refused submit that may go back on the card: strings of the card's own input ids only.
 * `masked` are the guarded free-text inputs: they come back with identifiers replaced by placeholders
 * (whatever refused the submit: the guard, a card check or another rule of the core).
 */
export function keptValues(data: unknown, ids: readonly string[], maxLength = 1000, masked?: { ids: readonly string[]; mask: (text: string) => string }): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(ids.map((id) => [id, '']));
  if (!data || typeof data !== 'object') return out;
  for (const id of ids) {
    const v = (data as Record<string, unknown>)[id];
    if (typeof v === 'string') out[id] = (masked?.ids.includes(id) ? masked.mask(v) : v).slice(0, maxLength);
    else if (typeof v === 'number' && Number.isFinite(v)) out[id] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[id] = v.join(',').slice(0, maxLength);
  }
  return out;
}

/** Building a proactive message at send time, from the case as it is then. */
export interface ProactiveContext {
  deps: BotDeps;
  recipient: Member;
  /** the recipient's id in the channel, for a card's refresh userIds. */
  channelUserId: string;
  locale: Locale;
  /** the queued message: its id is the card instance id. */
  messageId: string;
  payload: Record<string, unknown>;
  record: CaseRecord;
  /** the labels of catalogue codes for this build (code-labels.ts: the reference data's history, read once). */
  codeLabel: CodeLabel;
  /** the reference data valid at the build, for the card's choices (a retired code is no longer offered, an added one is). */
  reference: CardReference;
}

/** The card to send, or why the message is no longer needed (then it is cancelled, not sent). */
export type ProactiveCard = { card: Card } | { obsolete: string };

export type ProactiveBuilder = (ctx: ProactiveContext) => ProactiveCard;

/** A proactive message about no single case (queued without a caseId), e.g. the daily report of undelivered messages. */
export interface CaseFreeBuilder {
  caseFree: (ctx: Omit<ProactiveContext, 'record' | 'codeLabel' | 'reference'>) => ProactiveCard;
}
