/**
 * Identity request (to the inbrenger, proactively, once the table decided "reasonable suspicion"): name
 * and date of birth, with the reminder to inform the resident. The card never holds the identity: not as
 * sent, not after a refused submit (the inputs come back empty), not after an accepted one (replaced by a
 * confirmation and the "informed on / deferral" card). Its refresh shows the state of the request.
 */
import { z } from 'zod';
import { label } from '../../../src/core/catalogue';
import type { CaseRecord } from '../../../src/core/model';
import type { CommandRequest } from '../../../src/core/schemas';
import { codeLabels } from '../code-labels';
import type { CardMeta } from '../cards';
import { render } from '../cards';
import { commandIdFor, date, deriveCardId, readSubmit, text } from '../card-input';
import type { StringKey } from '../i18n';
import { formatDate, phaseLabel, t } from '../i18n';
import type { Card, Locale } from '../types';
import type { ActionInput, ProactiveBuilder, Route, RouteContext } from './common';
import { domainErrorLines, keptValues, loadRecord, maskIdentifiers, noticeCard, processView, recognitionLine, submitErrorLines } from './common';
import identityTemplate from '../../cards/identity-request.json';
import informingTemplate from '../../cards/informing.json';

/**
 * v2: the registrations band is no longer asked with the identity — the inbrenger gave it at intake and reads
 * B in Verrijking; the procesregisseur records a changed band (command table, supplyIdentity.alsoWrites).
 */
export const IDENTITY_CARD: CardMeta = { card: 'identity', v: 2 };
export const INFORMING_CARD: CardMeta = { card: 'informing', v: 1 };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const addressed = { caseId: z.uuid(), to: z.string().min(1).max(200) };
const supplyInputs = { ...addressed, name: z.string().max(200), dateOfBirth: isoDate };
const refreshInputs = { ...addressed };
const informingInputs = { caseId: z.uuid(), informedOn: date(), deferralReason: text(500), deferralUntil: date() };

const LABELS: Record<string, StringKey> = {
  name: 'identity.name',
  dateOfBirth: 'identity.dateOfBirth',
  informedOn: 'informing.informedOn',
  deferralReason: 'informing.deferralReason',
  'deferral.reason': 'informing.deferralReason',
  deferralUntil: 'informing.deferralUntil',
  'deferral.until': 'informing.deferralUntil',
};
const fieldLabel = (locale: Locale) => (path: string) => (LABELS[path] ? t(locale, LABELS[path]!) : undefined);

interface Addressed {
  cardId: string;
  caseId: string;
  /** the user the card was sent to. */
  to: string;
  channelUserId: string;
}

/**
 * The request as sent: inputs always empty (the identity is never put back on a card). `recognition`: what
 * helps the inbrenger recognise the young person, from the inbrenger's own view (recognitionLine).
 */
export function identityRequestCard(locale: Locale, reference: string, a: Addressed, errors: string[] = [], recognition = ''): Card {
  return render(identityTemplate, locale, {
    meta: { ...IDENTITY_CARD, ...a },
    errors,
    body: t(locale, 'identity.body', { reference }),
    recognition,
  });
}

export function informingCard(locale: Locale, opts: { cardId: string; caseId: string; lead?: string; values?: Record<string, string>; errors?: string[] }): Card {
  return render(informingTemplate, locale, {
    meta: { ...INFORMING_CARD, cardId: opts.cardId, caseId: opts.caseId },
    lead: opts.lead ?? '',
    errors: opts.errors ?? [],
    values: { informedOn: '', deferralReason: '', deferralUntil: '', ...opts.values },
  });
}

function closedCard(locale: Locale, record: CaseRecord): Card {
  const exit = record.frame.exit;
  return noticeCard(locale, {
    title: t(locale, 'identity.closedTitle'),
    lines: [
      t(locale, 'identity.closedBody', {
        reference: record.frame.reference,
        reason: exit ? label('exitReasons', exit.reason, locale) : '—',
        route: exit ? label('advisedRoutes', exit.advisedRoute, locale) : '—',
      }),
    ],
  });
}

/** What the inbrenger's identity card shows now: the request, the informing step, or where the case stands. */
function stateCard(locale: Locale, record: CaseRecord, a: Addressed, recognition: string): Card {
  const f = record.frame;
  const reference = f.reference;
  if (f.phase === 'VERRIJKING' && !record.identity) return identityRequestCard(locale, reference, a, [], recognition);
  if (record.identity && ['VERRIJKING', 'BESPREKING', 'OPVOLGING'].includes(f.phase)) {
    if (f.informedOn) return noticeCard(locale, { title: t(locale, 'informing.informedTitle'), lines: [t(locale, 'informing.informedBody', { reference, date: formatDate(locale, f.informedOn) })] });
    if (f.informingDeferral) {
      return noticeCard(locale, { title: t(locale, 'informing.deferredTitle'), lines: [t(locale, 'informing.deferredBody', { reference, date: formatDate(locale, f.informingDeferral.until) })] });
    }
    return informingCard(locale, { cardId: deriveCardId(a.cardId, 'informing'), caseId: record.id, lead: t(locale, 'identity.recordedBody', { reference }) });
  }
  if (f.phase === 'CLOSED' && f.exit && f.decisions.some((d) => d.kind === 'ELIGIBILITY' && d.outcome !== 'ELIGIBLE')) return closedCard(locale, record);
  return noticeCard(locale, { title: t(locale, 'identity.title'), lines: [t(locale, 'identity.notNeeded', { reference, phase: phaseLabel(locale, f.phase) })] });
}

/** The proactive request, built when it is sent: only while the case waits for the identity. */
export const buildIdentityRequest: ProactiveBuilder = ({ record, locale, messageId, recipient, channelUserId, deps, codeLabel }) => {
  if (record.frame.phase !== 'VERRIJKING' || record.identity) return { obsolete: 'IDENTITY_NOT_NEEDED' };
  const view = processView(deps, recipient, record);
  if (record.frame.inbrengerUserId !== recipient.user.id || !view?.frame) return { obsolete: 'NOT_THE_INBRENGER' };
  return { card: identityRequestCard(locale, record.frame.reference, { cardId: messageId, caseId: record.id, to: recipient.user.id, channelUserId }, [], recognitionLine(locale, view, codeLabel)) };
};

const addressedFrom = (v: { cardId: string; caseId: string; to: string }, ctx: RouteContext): Addressed => ({
  cardId: v.cardId,
  caseId: v.caseId,
  to: v.to,
  channelUserId: ctx.turn.from.channelUserId,
});

async function refresh(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const read = readSubmit(data, IDENTITY_CARD, refreshInputs);
  if (!read.ok) return noticeCard(locale, { title: t(locale, 'identity.title'), errors: submitErrorLines(locale, read.error) });
  const record = await loadRecord(ctx.deps, read.value.caseId);
  const view = record && processView(ctx.deps, ctx.member, record);
  if (!record || !view) return noticeCard(locale, { title: t(locale, 'identity.title'), errors: [t(locale, 'error.UNKNOWN_ACTION')] });
  return stateCard(locale, record, addressedFrom(read.value, ctx), recognitionLine(locale, view, await codeLabels(ctx.deps.service, locale)));
}

async function supply(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const read = readSubmit(data, IDENTITY_CARD, supplyInputs);
  if (!read.ok) {
    const errors = submitErrorLines(locale, read.error, fieldLabel(locale));
    // Without a valid case id there is no request to show again.
    const caseId = z.uuid().safeParse((data as { caseId?: unknown } | null)?.caseId);
    const record = caseId.success ? await loadRecord(ctx.deps, caseId.data) : undefined;
    const view = record && processView(ctx.deps, ctx.member, record);
    if (!record || !view) return noticeCard(locale, { title: t(locale, 'identity.title'), errors });
    const cardId = z.uuid().safeParse((data as { cardId?: unknown }).cardId);
    const a: Addressed = { cardId: cardId.success ? cardId.data : deriveCardId(record.id, `identity:${ctx.member.user.id}`), caseId: record.id, to: ctx.member.user.id, channelUserId: ctx.turn.from.channelUserId };
    return identityRequestCard(locale, record.frame.reference, a, errors, recognitionLine(locale, view, await codeLabels(ctx.deps.service, locale)));
  }
  const v = read.value;
  const input: CommandRequest<'supplyIdentity'> = {
    commandId: commandIdFor(v.cardId, 'identity.supply'),
    caseId: v.caseId,
    name: v.name,
    dateOfBirth: v.dateOfBirth,
  };
  const result = await ctx.deps.service.execute('supplyIdentity', ctx.member.user, input);
  const record = await loadRecord(ctx.deps, v.caseId);
  const recognition = record ? recognitionLine(locale, processView(ctx.deps, ctx.member, record), await codeLabels(ctx.deps.service, locale)) : '';
  if (result.ok) {
    ctx.deps.log.info({ route: 'identity', reference: result.value.reference, outcome: result.value.outcome, replayed: result.value.replayed }, 'identity supplied');
    return record ? stateCard(locale, record, addressedFrom(v, ctx), recognition) : noticeCard(locale, { title: t(locale, 'identity.recordedTitle') });
  }
  const error = result.error;
  ctx.deps.log.info({ route: 'identity', code: error.code }, 'identity refused');
  if (!record || error.code === 'CASE.NOT_FOUND') return noticeCard(locale, { title: t(locale, 'identity.title'), errors: domainErrorLines(locale, error) });
  if (error.code === 'CASE.PRECONDITION_FAILED' || error.code === 'CASE.TRANSITION_NOT_ALLOWED') return stateCard(locale, record, addressedFrom(v, ctx), recognition);
  return identityRequestCard(locale, record.frame.reference, addressedFrom(v, ctx), domainErrorLines(locale, error, fieldLabel(locale)), recognition);
}

async function recordInforming(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const ids = ['informedOn', 'deferralReason', 'deferralUntil'] as const;
  // The deferral reason is guarded: identifiers in it never go back on the card.
  const masked = { ids: ['deferralReason'], mask: (text: string) => maskIdentifiers(locale, text, ctx.deps.service.guardOptions) };
  const read = readSubmit(data, INFORMING_CARD, informingInputs);
  const cardIdOf = (): string | undefined => {
    const c = z.uuid().safeParse((data as { cardId?: unknown } | null)?.cardId);
    return c.success ? c.data : undefined;
  };
  if (!read.ok) {
    const caseId = z.uuid().safeParse((data as { caseId?: unknown } | null)?.caseId);
    const cardId = cardIdOf();
    const errors = submitErrorLines(locale, read.error, fieldLabel(locale));
    if (!caseId.success || !cardId || read.error.code !== 'CARD_INVALID') return noticeCard(locale, { title: t(locale, 'informing.title'), errors });
    return informingCard(locale, { cardId, caseId: caseId.data, values: keptValues(data, ids, 500, masked), errors });
  }
  const v = read.value;
  const values = keptValues(data, ids, 500, masked);
  let choice: { informedOn: string } | { deferral: { reason: string; until: string } };
  if (v.informedOn && !v.deferralReason && !v.deferralUntil) choice = { informedOn: v.informedOn };
  else if (!v.informedOn && v.deferralReason && v.deferralUntil) choice = { deferral: { reason: v.deferralReason, until: v.deferralUntil } };
  else return informingCard(locale, { cardId: v.cardId, caseId: v.caseId, values, errors: [t(locale, 'informing.eitherOne')] });
  const result = await ctx.deps.service.execute('recordResidentInformed', ctx.member.user, { commandId: commandIdFor(v.cardId, 'informing.record'), caseId: v.caseId, ...choice });
  if (result.ok) {
    const reference = result.value.reference;
    return 'informedOn' in choice
      ? noticeCard(locale, { title: t(locale, 'informing.informedTitle'), lines: [t(locale, 'informing.informedBody', { reference, date: formatDate(locale, choice.informedOn) })] })
      : noticeCard(locale, { title: t(locale, 'informing.deferredTitle'), lines: [t(locale, 'informing.deferredBody', { reference, date: formatDate(locale, choice.deferral.until) })] });
  }
  ctx.deps.log.info({ route: 'informing', code: result.error.code }, 'informing refused');
  if (result.error.code === 'CASE.NOT_FOUND' || result.error.code === 'AUTH.FORBIDDEN') {
    return noticeCard(locale, { title: t(locale, 'informing.title'), errors: domainErrorLines(locale, result.error) });
  }
  return informingCard(locale, { cardId: v.cardId, caseId: v.caseId, values, errors: domainErrorLines(locale, result.error, fieldLabel(locale)) });
}

export const identityRoute: Route = {
  name: 'identity',
  actions: {
    'identity.refresh': refresh,
    'identity.supply': supply,
    'informing.record': recordInforming,
  },
  writes: ['identity.supply', 'informing.record'],
};
