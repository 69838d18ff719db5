/**
 * Intake ("nieuw signaal"): the anonymous concern card and its submit. The identifier guard runs in the
 * core; a refused submit returns the same card with the user's input kept, except that each identifier
 * found in the text is replaced by a placeholder ([naam], [adres] …) and never goes back on a card.
 * An accepted one is replaced by a confirmation with the reference and no personal data. The command id
 * is derived from the card instance, so a retried submit creates nothing new.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommandRequest } from '../../../src/core/schemas';
import { FREE_TEXT_MAX } from '../../../src/core/schemas';
import { DEFAULT_PROCESS_CONFIG } from '../../../src/core/config';
import type { ReferenceData } from '../../../src/core/reference-data';
import type { SimilarConcern } from '../../../src/core/similar-concerns';
import type { CardReference } from '../code-labels';
import { codeLabels, currentReference } from '../code-labels';
import type { CardMeta } from '../cards';
import { choices, render } from '../cards';
import { choice, commandIdFor, int, multi, readSubmit, text } from '../card-input';
import type { StringKey } from '../i18n';
import { formatDate, phaseLabel, t } from '../i18n';
import type { Card, Locale } from '../types';
import type { ActionInput, Route, RouteContext } from './common';
import { domainErrorLines, keptValues, maskIdentifiers, noticeCard, recognitionLine, refusalCard, submitErrorLines } from './common';
import intakeTemplate from '../../cards/intake.json';

export const INTAKE_CARD: CardMeta = { card: 'intake', v: 1 };

const INPUT_IDS = ['riskSignals', 'forms', 'protectiveFactors', 'ageYears', 'ageBand', 'registrationsBand', 'urgency', 'freeText'] as const;

/** The intake card's inputs (exported for bench/bot-steps.ts). */
export const intakeInputs = {
  riskSignals: multi(),
  forms: multi(),
  protectiveFactors: multi(),
  ageYears: int(),
  ageBand: text(64),
  // Optional: a teacher cannot know it; absent means 'unknown' (the core's default), asked again later.
  registrationsBand: text(64),
  urgency: choice(),
  // Longer than the core accepts, so that the core's own limit is what the user hears about.
  freeText: text(FREE_TEXT_MAX * 4),
  // 'yes' on the card that showed the duplicate hint: the partner saw it and sends anyway.
  confirmSimilar: z.enum(['', 'yes']).optional(),
};

const LABELS: Record<string, StringKey> = {
  riskSignals: 'intake.riskSignals',
  forms: 'intake.forms',
  protectiveFactors: 'intake.protectiveFactors',
  ageYears: 'intake.ageYears',
  ageBand: 'intake.ageBand',
  registrationsBand: 'intake.registrationsBand',
  urgency: 'intake.urgency',
  freeText: 'intake.freeText',
};
/** "Kies minstens één risicosignaal" rather than the generic "is te kort of te klein" for no signal. */
const fieldMessage = (locale: Locale) => (path: string, issue: string) => (path === 'riskSignals' && issue === 'too_small' ? t(locale, 'intake.riskSignalsRequired') : undefined);
const fieldLabel = (locale: Locale) => (path: string) => (LABELS[path.split('.')[0]!] ? t(locale, LABELS[path.split('.')[0]!]!) : undefined);

type Values = Record<(typeof INPUT_IDS)[number], string>;

const DEFAULT_VALUES: Values = { riskSignals: '', forms: '', protectiveFactors: '', ageYears: '', ageBand: '', registrationsBand: 'unknown', urgency: 'normal', freeText: '' };

/** The intake card; `values` are the user's input to keep, `errors` what to fix. */
/**
 * The intake card; `values` are the user's input to keep, `errors` what to fix, `triageDays` the configured
 * time until the signaaltafel first weighs a concern. Forms, protective factors and the registrations band
 * are behind "Meer (optioneel)", shown open when the kept input has any of them.
 */
export function intakeCard(
  locale: Locale,
  opts: { cardId?: string; values?: Partial<Values>; errors?: string[]; triageDays?: number; similar?: readonly SimilarConcern[]; reference?: { data: ReferenceData; on: string } } = {},
): Card {
  const values = { ...DEFAULT_VALUES, ...opts.values };
  const age = /^\d{1,2}$/.test(values.ageYears.trim()) ? Number(values.ageYears) : '';
  return render(intakeTemplate, locale, {
    meta: { ...INTAKE_CARD, cardId: opts.cardId ?? randomUUID(), confirmSimilar: opts.similar?.length ? 'yes' : '' },
    errors: opts.errors ?? [],
    similar: opts.similar?.length
      ? t(locale, 'intake.similar', { list: opts.similar.map((c) => t(locale, 'intake.similarItem', { date: formatDate(locale, c.createdAt), reference: c.reference })).join('; ') })
      : '',
    submitTitle: t(locale, opts.similar?.length ? 'intake.submitAnyway' : 'intake.submit'),
    triage: t(locale, 'intake.triage', { days: opts.triageDays ?? DEFAULT_PROCESS_CONFIG.triageDays }),
    showMore: values.forms !== '' || values.protectiveFactors !== '' || (values.registrationsBand !== '' && values.registrationsBand !== 'unknown'),
    values: { ...values, ageYears: age },
    choices: {
      riskSignals: choices('riskSignals', locale, opts.reference),
      forms: choices('forms', locale, opts.reference),
      protectiveFactors: choices('protectiveFactors', locale, opts.reference),
      ageBands: choices('ageBands', locale),
      registrationsBands: choices('registrationsBands', locale),
      urgency: choices('urgency', locale),
    },
  });
}

/**
 * The confirmation after an accepted submit. `recognition`: what helps the partner recognise the young person
 * later, from their own view (recognitionLine). Built as plain JSON, not through the template engine: it
 * answers every card submit, and expanding a template cost more than the rest of the card's answer together
 * (bench/bot-steps.ts, issue 17). Its texts come from the same locale files as every card's.
 */
export function intakeConfirmedCard(locale: Locale, reference: string, phase: string, recognition = ''): Card {
  const openAction = (title: string, verb: string) => ({ type: 'Action.Execute', title, verb, data: { card: 'open', v: 1 } });
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: t(locale, 'app.name'), size: 'Small', isSubtle: true, wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: t(locale, 'intake.confirmTitle'), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: t(locale, 'intake.confirmBody', { reference }), wrap: true },
      ...(recognition !== '' ? [{ type: 'TextBlock', text: recognition, wrap: true, isSubtle: true, spacing: 'Small' }] : []),
      {
        type: 'FactSet',
        facts: [
          { title: t(locale, 'common.reference'), value: reference },
          { title: t(locale, 'common.phase'), value: phaseLabel(locale, phase) },
        ],
      },
      { type: 'TextBlock', text: t(locale, 'intake.confirmNoPersonal'), wrap: true, isSubtle: true },
    ],
    actions: [openAction(t(locale, 'common.mine'), 'mine.open'), openAction(t(locale, 'common.newConcern'), 'intake.open')],
  };
}

/** The input to put back on a refused card: the free text with every identifier replaced by its placeholder. */
const keptInput = (ctx: RouteContext, data: unknown): Record<string, string> =>
  keptValues(data, INPUT_IDS, 1000, { ids: ['freeText'], mask: (text) => maskIdentifiers(ctx.locale, text, ctx.deps.service.guardOptions) });

/** The reference data valid now, for the card's choices (issue 16). */
export const referenceNow = (ctx: RouteContext): Promise<CardReference> => currentReference(ctx.deps.service);

async function submit(ctx: RouteContext, { data }: ActionInput): Promise<Card> {
  const { locale } = ctx;
  const triageDays = ctx.deps.service.config.triageDays;
  const read = readSubmit(data, INTAKE_CARD, intakeInputs);
  if (!read.ok) {
    const errors = submitErrorLines(locale, read.error, fieldLabel(locale));
    // An outdated or oversized submit gets a fresh card: its fields may not fit the current card.
    if (read.error.code !== 'CARD_INVALID') return intakeCard(locale, { errors, triageDays, reference: await referenceNow(ctx) });
    const cardId = z.uuid().safeParse((data as { cardId?: unknown } | null)?.cardId);
    return intakeCard(locale, { ...(cardId.success ? { cardId: cardId.data } : {}), values: keptInput(ctx, data), errors, triageDays, reference: await referenceNow(ctx) });
  }
  const v = read.value;
  const input: CommandRequest<'submitConcern'> = {
    commandId: commandIdFor(v.cardId, 'intake.submit'),
    riskSignals: v.riskSignals,
    forms: v.forms,
    protectiveFactors: v.protectiveFactors,
    ...(v.registrationsBand !== undefined ? { registrationsBand: v.registrationsBand } : {}),
    urgency: v.urgency,
    ...(v.ageYears !== undefined ? { ageYears: v.ageYears } : {}),
    ...(v.ageBand !== undefined ? { ageBand: v.ageBand } : {}),
    ...(v.freeText !== undefined ? { freeText: v.freeText } : {}),
  };
  // One transaction (issue 17): the duplicate hint (issue 16, once per card: not after "send anyway"), the
  // command, and the partner's view of the case it made for the confirmation. The core reads the hint only
  // for a text its guard lets through (a text with identifiers is refused first, masked on the card), for a
  // submit that did not run before, and writes nothing when it finds one.
  const result = await ctx.deps.service.executeAndView('submitConcern', ctx.member.user, input, { unlessSimilar: v.confirmSimilar !== 'yes' });
  if (result.ok) {
    if ('similar' in result.value) {
      ctx.deps.log.info({ route: 'intake', similar: result.value.similar.length }, 'similar concern shown');
      return intakeCard(locale, { cardId: v.cardId, values: keptInput(ctx, data), triageDays, similar: result.value.similar, reference: await referenceNow(ctx) });
    }
    const { outcome, view } = result.value;
    ctx.deps.log.info({ route: 'intake', reference: outcome.reference, replayed: outcome.replayed }, 'concern brought in');
    return intakeConfirmedCard(locale, outcome.reference, outcome.phase, recognitionLine(locale, view, await codeLabels(ctx.deps.service, locale)));
  }
  const error = result.error;
  if (error.code === 'AUTH.NOT_A_MEMBER') return refusalCard(locale, 'NOT_A_MEMBER');
  if (error.code === 'AUTH.FORBIDDEN') return noticeCard(locale, { title: t(locale, 'common.errorTitle'), errors: domainErrorLines(locale, error) });
  ctx.deps.log.info({ route: 'intake', code: error.code, categories: error.details.categories }, 'concern refused');
  return intakeCard(locale, { cardId: v.cardId, values: keptInput(ctx, data), errors: domainErrorLines(locale, error, fieldLabel(locale), fieldMessage(locale)), triageDays, reference: await referenceNow(ctx) });
}

export const intakeRoute: Route = {
  name: 'intake',
  commands: ['nieuw signaal', 'nieuw', 'signaal', 'signaal inbrengen', 'new concern', 'new', 'concern'],
  onCommand: async (ctx) => [{ card: intakeCard(ctx.locale, { triageDays: ctx.deps.service.config.triageDays, reference: await referenceNow(ctx) }) }],
  actions: {
    'intake.open': async (ctx) => intakeCard(ctx.locale, { triageDays: ctx.deps.service.config.triageDays, reference: await referenceNow(ctx) }),
    'intake.submit': submit,
  },
  writes: ['intake.submit'],
};
