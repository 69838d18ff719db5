/**
 * Enrichment request (to the delegates of an asked partner, proactively): the established signals and the
 * due date, with "known / not known" and which signals. The card as sent (the base card Teams stores)
 * holds no name or date of birth. They appear only in the refresh view of the addressed delegate while the
 * request is open, fetched through Action.Execute and read through the service, which audits every read.
 * Once answered or expired the refresh view no longer shows them.
 */
import { z } from 'zod';
import type { CaseRecord } from '../../../src/core/model';
import type { CaseView } from '../../../src/core/views';
import type { CardReference, CodeLabel } from '../code-labels';
import { cardCodes, codeLabels } from '../code-labels';
import type { CardMeta } from '../cards';
import { choices, labels, render } from '../cards';
import { commandIdFor, multi, readSubmit } from '../card-input';
import { formatDate, t } from '../i18n';
import type { Card, Locale } from '../types';
import type { ActionInput, ProactiveBuilder, Route, RouteContext } from './common';
import { domainErrorLines, keptValues, loadRecord, noticeCard, processView, submitErrorLines } from './common';
import template from '../../cards/enrichment-request.json';

export const ENRICHMENT_CARD: CardMeta = { card: 'enrichment', v: 1 };

/** Purpose recorded in the audit log for each time the addressed delegate's card shows the identity. */
export const REFRESH_PURPOSE = 'verrijkingsvraag inzien in Teams (persoonlijke kaartweergave)';

const addressed = { caseId: z.uuid(), to: z.string().min(1).max(200) };
const answerInputs = { ...addressed, known: z.enum(['known', 'notKnown']), signals: multi() };

interface Addressed {
  cardId: string;
  caseId: string;
  to: string;
  channelUserId: string;
}

interface Shown {
  reference: string;
  riskSignals: string[];
  forms: string[];
  ageBand: string;
  dueOn: string;
}

/** Labels of stored codes (retired ones too) and the reference data valid now, for the signals to choose from. */
interface Codes {
  codeLabel: CodeLabel;
  reference: CardReference;
}

function card(locale: Locale, { codeLabel, reference }: Codes, a: Addressed, shown: Shown, opts: { identity?: { name: string; dateOfBirth: string }; values?: Record<string, string>; errors?: string[]; reminder?: boolean } = {}): Card {
  const body = t(locale, 'enrichment.body', { reference: shown.reference });
  return render(template, locale, {
    meta: { ...ENRICHMENT_CARD, ...a },
    errors: opts.errors ?? [],
    body: opts.reminder ? `${t(locale, 'reminder.enrichmentSoon', { reference: shown.reference, date: formatDate(locale, shown.dueOn) })} ${body}` : body,
    reference: shown.reference,
    signals: labels(codeLabel, 'riskSignals', shown.riskSignals) || t(locale, 'common.none'),
    forms: labels(codeLabel, 'forms', shown.forms) || t(locale, 'common.none'),
    ageBand: codeLabel('ageBands', shown.ageBand),
    dueOn: formatDate(locale, shown.dueOn),
    identity: opts.identity
      ? { shown: true, name: opts.identity.name, dateOfBirth: formatDate(locale, opts.identity.dateOfBirth) }
      : { shown: false, name: '', dateOfBirth: '' },
    values: { known: '', signals: '', ...opts.values },
    choices: { riskSignals: choices('riskSignals', locale, reference) },
  });
}

/** Process-level content of the request from an allow-list view (groups A, B and the own request's due date). */
function shownFrom(view: CaseView, organisationId: string): Shown | undefined {
  const request = view.enrichment?.requests.find((r) => r.organisationId === organisationId);
  if (!view.concern || !request) return undefined;
  return { reference: view.reference, riskSignals: view.concern.riskSignals, forms: view.concern.forms, ageBand: view.concern.ageBand, dueOn: request.dueOn };
}

function ownRequest(record: CaseRecord, organisationId: string) {
  return record.enrichment.requests.find((r) => r.organisationId === organisationId);
}

function closedCard(locale: Locale, reference: string): Card {
  return noticeCard(locale, { title: t(locale, 'enrichment.closedTitle'), lines: [t(locale, 'enrichment.closedBody', { reference })] });
}

function answeredCard(locale: Locale, codeLabel: CodeLabel, reference: string, known: boolean, signals: readonly string[]): Card {
  return noticeCard(locale, {
    title: t(locale, 'enrichment.answeredTitle'),
    lines: [known ? t(locale, 'enrichment.answeredKnown', { reference, signals: labels(codeLabel, 'riskSignals', signals) || t(locale, 'common.none') }) : t(locale, 'enrichment.answeredUnknown', { reference })],
  });
}

/**
 * The base card, built when the message is sent: only while the organisation's request is open. The reminder
 * (queued by the reminders job when the due date comes near) is the same card with a reminder line first.
 */
const enrichmentCardBuilder =
  (reminder: boolean): ProactiveBuilder =>
  ({ record, locale, messageId, recipient, channelUserId, deps, codeLabel, reference }) => {
    const request = ownRequest(record, recipient.user.organisationId);
    if (record.frame.phase !== 'VERRIJKING' || request?.status !== 'open') return { obsolete: 'REQUEST_NOT_OPEN' };
    const view = processView(deps, recipient, record);
    const shown = view && shownFrom(view, recipient.user.organisationId);
    if (!shown) return { obsolete: 'NO_ACCESS' };
    return { card: card(locale, { codeLabel, reference }, { cardId: messageId, caseId: record.id, to: recipient.user.id, channelUserId }, shown, { reminder }) };
  };

export const buildEnrichmentRequest = enrichmentCardBuilder(false);
export const buildEnrichmentReminder = enrichmentCardBuilder(true);

/**
 * The view for the user who opens (or acts on) the card. The addressed delegate, while the request is open,
 * gets name and date of birth, read through the service (audited). Anyone else, or later, gets no identity.
 */
async function viewCard(ctx: RouteContext, a: Addressed, extra: { values?: Record<string, string>; errors?: string[] } = {}): Promise<Card> {
  const { deps, member, locale } = ctx;
  const codes = await cardCodes(deps.service, locale);
  const record = await loadRecord(deps, a.caseId);
  const view = record && processView(deps, member, record);
  if (!record || !view) return noticeCard(locale, { title: t(locale, 'enrichment.title'), errors: [t(locale, 'error.UNKNOWN_ACTION')] });
  const request = ownRequest(record, member.user.organisationId);
  if (request?.status === 'answered' && request.answer) return answeredCard(locale, codes.codeLabel, record.frame.reference, request.answer.known, request.answer.signals);
  if (record.frame.phase !== 'VERRIJKING' || request?.status !== 'open') return closedCard(locale, record.frame.reference);
  const shown = shownFrom(view, member.user.organisationId);
  if (!shown) return closedCard(locale, record.frame.reference);
  if (a.to !== member.user.id) return card(locale, codes, a, shown, extra);
  const read = await deps.service.getCase(member.user, a.caseId, REFRESH_PURPOSE);
  if (!read.ok || !read.value.identity) return card(locale, codes, a, shown, extra);
  deps.log.info({ route: 'enrichment', reference: record.frame.reference }, 'identity shown to the addressed delegate (audited)');
  return card(locale, codes, a, shown, { ...extra, identity: read.value.identity });
}

async function refresh(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const read = readSubmit(data, ENRICHMENT_CARD, addressed);
  if (!read.ok) return noticeCard(ctx.locale, { title: t(ctx.locale, 'enrichment.title'), errors: submitErrorLines(ctx.locale, read.error) });
  return viewCard(ctx, { cardId: read.value.cardId, caseId: read.value.caseId, to: read.value.to, channelUserId: ctx.turn.from.channelUserId });
}

async function answer(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const read = readSubmit(data, ENRICHMENT_CARD, answerInputs);
  const values = keptValues(data, ['known', 'signals']);
  if (!read.ok) {
    const errors = submitErrorLines(locale, read.error);
    const meta = z.object(addressed).extend({ cardId: z.uuid() }).safeParse(data);
    if (read.error.code !== 'CARD_INVALID' || !meta.success) return noticeCard(locale, { title: t(locale, 'enrichment.title'), errors });
    return viewCard(ctx, { ...meta.data, channelUserId: ctx.turn.from.channelUserId }, { values, errors });
  }
  const v = read.value;
  const a: Addressed = { cardId: v.cardId, caseId: v.caseId, to: v.to, channelUserId: ctx.turn.from.channelUserId };
  const result = await ctx.deps.service.execute('answerEnrichment', ctx.member.user, {
    commandId: commandIdFor(v.cardId, 'enrichment.answer'),
    caseId: v.caseId,
    known: v.known === 'known',
    signals: v.signals,
  });
  if (result.ok) {
    ctx.deps.log.info({ route: 'enrichment', reference: result.value.reference, outcome: result.value.outcome, replayed: result.value.replayed }, 'enrichment answered');
    return answeredCard(locale, await codeLabels(ctx.deps.service, locale), result.value.reference, v.known === 'known', v.signals);
  }
  ctx.deps.log.info({ route: 'enrichment', code: result.error.code }, 'enrichment answer refused');
  if (result.error.code === 'ENRICHMENT.NOT_OPEN' || result.error.code === 'CASE.TRANSITION_NOT_ALLOWED') return viewCard(ctx, a);
  return viewCard(ctx, a, { values, errors: domainErrorLines(locale, result.error) });
}

export const enrichmentRoute: Route = {
  name: 'enrichment',
  actions: {
    'enrichment.refresh': refresh,
    'enrichment.answer': answer,
  },
  writes: ['enrichment.answer'],
};
