/**
 * The lead partner's action card (issue 16: "Bot: action cards for the lead partner (status, due date)",
 * "reminders of actions due"): queued by the reminders job when a follow-up action that is still planned or
 * running comes near its planned day, and once when that day has passed; it shows the action at process
 * level from the recipient's own view (kenmerk, offer, who carries it out, planned day, status) and lets the
 * lead partner set a new status with a short outcome — the core's updateActionStatus, authorised, guarded
 * and audited like any write. The outcome is guarded free text: a refused one comes back masked.
 */
import { z } from 'zod';
import { dayOf } from '../../../src/core/calendar';
import type { FollowUpAction } from '../../../src/core/model';
import { ACTION_STATUS_LABELS } from '../../../src/core/vocabulary';
import type { CodeLabel } from '../code-labels';
import { codeLabels } from '../code-labels';
import type { CardMeta } from '../cards';
import { render } from '../cards';
import { commandIdFor, readSubmit } from '../card-input';
import { formatDate, t } from '../i18n';
import type { Card, Locale } from '../types';
import type { ActionInput, ProactiveBuilder, Route, RouteContext } from './common';
import { domainErrorLines, keptValues, loadRecord, maskIdentifiers, noticeCard, processView, submitErrorLines } from './common';
import template from '../../cards/action-reminder.json';

export const ACTION_CARD: CardMeta = { card: 'action', v: 1 };
const STATUSES = ['planned', 'running', 'done', 'cancelled'] as const satisfies readonly FollowUpAction['status'][];
const OPEN: readonly string[] = ['planned', 'running'];
const addressed = { caseId: z.uuid(), actionId: z.string().min(1).max(64) };
const statusInputs = { ...addressed, status: z.enum(STATUSES), outcome: z.string().max(500).optional() };

interface Shown {
  reference: string;
  action: Pick<FollowUpAction, 'offerCode' | 'dueOn' | 'status'>;
  organisation: string;
}

const statusLabel = (locale: Locale, status: string): string => ACTION_STATUS_LABELS[status as FollowUpAction['status']]?.[locale] ?? status;

function card(locale: Locale, codeLabel: CodeLabel, meta: { cardId: string; caseId: string; actionId: string }, shown: Shown, today: string, opts: { values?: Record<string, string>; errors?: string[] } = {}): Card {
  const overdue = shown.action.dueOn < today;
  return render(template, locale, {
    meta: { ...ACTION_CARD, ...meta },
    errors: opts.errors ?? [],
    body: t(locale, overdue ? 'action.bodyOverdue' : 'action.bodySoon', { reference: shown.reference, date: formatDate(locale, shown.action.dueOn) }),
    reference: shown.reference,
    offer: codeLabel('offers', shown.action.offerCode),
    organisation: shown.organisation,
    dueOn: formatDate(locale, shown.action.dueOn),
    status: statusLabel(locale, shown.action.status),
    values: { status: '', outcome: '', ...opts.values },
    choices: { status: STATUSES.map((s) => ({ title: statusLabel(locale, s), value: s })) },
  });
}

/** The action as the recipient's allow-list view holds it (group G), or nothing. */
function shownAction(view: ReturnType<typeof processView>, actionId: string, organisation: string): Shown | undefined {
  const action = view?.followUp?.actions?.find((a) => a.id === actionId);
  if (!view?.reference || !action) return undefined;
  return { reference: view.reference, action: { offerCode: action.offerCode, dueOn: action.dueOn, status: action.status }, organisation };
}

export const buildActionReminder: ProactiveBuilder = ({ record, locale, recipient, deps, payload, messageId, codeLabel }) => {
  if (record.frame.phase !== 'OPVOLGING' && record.frame.phase !== 'REFLECTIE') return { obsolete: 'NOT_IN_FOLLOW_UP' };
  const actionId = typeof payload.actionId === 'string' ? payload.actionId : '';
  const organisation = typeof payload.organisation === 'string' ? payload.organisation : '';
  const shown = shownAction(processView(deps, recipient, record), actionId, organisation);
  if (!shown) return { obsolete: 'NO_ACCESS' };
  // updated meanwhile (done, cancelled, or a new planned day: that day gets its own reminder)
  if (!OPEN.includes(shown.action.status) || shown.action.dueOn !== payload.dueOn) return { obsolete: 'ACTION_UPDATED' };
  return { card: card(locale, codeLabel, { cardId: messageId, caseId: record.id, actionId }, shown, dayOf(deps.clock.now())) };
};

async function cardAgain(ctx: RouteContext, meta: { cardId: string; caseId: string; actionId: string }, extra: { values?: Record<string, string>; errors?: string[] }): Promise<Card> {
  const { deps, member, locale } = ctx;
  const record = await loadRecord(deps, meta.caseId);
  const view = record && processView(deps, member, record);
  const action = view?.followUp?.actions?.find((a) => a.id === meta.actionId);
  const organisation = action ? ((await deps.store.listOrganisations()).find((o) => o.id === action.organisationId)?.name ?? action.organisationId) : '';
  const shown = shownAction(view, meta.actionId, organisation);
  if (!record || !shown) return noticeCard(locale, { title: t(locale, 'action.title'), errors: [t(locale, 'error.UNKNOWN_ACTION')] });
  return card(locale, await codeLabels(deps.service, locale), meta, shown, dayOf(deps.clock.now()), extra);
}

async function updateStatus(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const masked = { ids: ['outcome'], mask: (text: string) => maskIdentifiers(locale, text, ctx.deps.service.guardOptions) };
  const values = keptValues(data, ['status', 'outcome'], 500, masked);
  const read = readSubmit(data, ACTION_CARD, statusInputs);
  if (!read.ok) {
    const errors = submitErrorLines(locale, read.error);
    const meta = z.object(addressed).extend({ cardId: z.uuid() }).safeParse(data);
    if (read.error.code !== 'CARD_INVALID' || !meta.success) return noticeCard(locale, { title: t(locale, 'action.title'), errors });
    return cardAgain(ctx, meta.data, { values, errors });
  }
  const v = read.value;
  const outcome = v.outcome?.trim();
  const result = await ctx.deps.service.execute('updateActionStatus', ctx.member.user, {
    commandId: commandIdFor(v.cardId, `action.status:${v.status}:${outcome ?? ''}`),
    caseId: v.caseId,
    actionId: v.actionId,
    status: v.status,
    ...(outcome ? { outcome } : {}),
  });
  if (result.ok) {
    ctx.deps.log.info({ route: 'action', reference: result.value.reference, outcome: result.value.outcome, replayed: result.value.replayed }, 'action status updated');
    return noticeCard(locale, { title: t(locale, 'action.savedTitle'), lines: [t(locale, 'action.savedBody', { reference: result.value.reference, status: statusLabel(locale, v.status) })] });
  }
  ctx.deps.log.info({ route: 'action', code: result.error.code }, 'action status refused');
  if (result.error.code === 'CASE.TRANSITION_NOT_ALLOWED') {
    const record = await loadRecord(ctx.deps, v.caseId);
    const reference = record && processView(ctx.deps, ctx.member, record)?.reference;
    if (reference) return noticeCard(locale, { title: t(locale, 'action.closedTitle'), lines: [t(locale, 'action.closedBody', { reference })] });
  }
  if (result.error.code !== 'INTAKE.IDENTIFIER_DETECTED' && result.error.code !== 'VALIDATION.INVALID_INPUT') {
    return noticeCard(locale, { title: t(locale, 'action.title'), errors: domainErrorLines(locale, result.error) });
  }
  return cardAgain(ctx, { cardId: v.cardId, caseId: v.caseId, actionId: v.actionId }, { values, errors: domainErrorLines(locale, result.error) });
}

export const actionRoute: Route = {
  name: 'action',
  actions: { 'action.status': updateStatus },
  writes: ['action.status'],
};
