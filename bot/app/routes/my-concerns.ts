/**
 * "mijn signalen": the concerns the user brought in, with phase and status at process level (group A as the
 * policy table lets the inbrenger see it; never identity or other personal groups), and what helps recognise
 * the young person without identifying (the day brought in, age band, first two signals: recognitionLine).
 */
import { nextStep } from '../../../src/core/service';
import { codeLabels } from '../code-labels';
import { render } from '../cards';
import { formatDate, phaseLabel, t, tKey } from '../i18n';
import type { Card } from '../types';
import type { Route, RouteContext } from './common';
import { processView, recognitionLine } from './common';
import template from '../../cards/my-concerns.json';

export const MY_CONCERNS_LIMIT = 20;

export async function myConcernsCard(ctx: RouteContext): Promise<Card> {
  const { locale, deps, member } = ctx;
  const records = await deps.botStore.listCasesBroughtInBy(member.user.id, MY_CONCERNS_LIMIT + 1);
  const items: { reference: string; phase: string; recognition: string; detail: string }[] = [];
  const codeLabel = await codeLabels(deps.service, locale);
  for (const record of records.slice(0, MY_CONCERNS_LIMIT)) {
    const view = processView(deps, member, record);
    const frame = view?.frame;
    if (!view || !frame) continue;
    const since = `${t(locale, 'mine.since')} ${formatDate(locale, frame.phaseSince ?? record.frame.phaseSince)}`;
    const detail = frame.exit
      ? `${t(locale, 'mine.outcome')}: ${codeLabel('exitReasons', frame.exit.reason)} · ${codeLabel('advisedRoutes', frame.exit.advisedRoute)}`
      : `${since} · ${tKey(locale, `next.${nextStep(record)}`)}`;
    items.push({ reference: view.reference, phase: phaseLabel(locale, view.phase), recognition: recognitionLine(locale, view, codeLabel), detail });
  }
  const more = records.length > MY_CONCERNS_LIMIT ? t(locale, 'mine.more', { count: MY_CONCERNS_LIMIT }) : '';
  return render(template, locale, { items, more });
}

export const myConcernsRoute: Route = {
  name: 'myConcerns',
  commands: ['mijn signalen', 'mijn', 'signalen', 'my concerns', 'mine', 'status'],
  onCommand: async (ctx) => [{ card: await myConcernsCard(ctx) }],
  actions: { 'mine.open': myConcernsCard },
};
