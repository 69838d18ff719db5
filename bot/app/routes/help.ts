/** The handreiking in one screen: for "help", for unknown text, and from the welcome card. */
import { PHASES } from '../../../src/core/model';
import { render } from '../cards';
import type { StringKey } from '../i18n';
import { phaseLabel, t } from '../i18n';
import type { Card, Locale } from '../types';
import type { Route } from './common';
import helpTemplate from '../../cards/help.json';

const EXPLAINED = PHASES.filter((p) => p !== 'CLOSED' && p !== 'PURGED');

export function helpCard(locale: Locale, notUnderstood = false): Card {
  return render(helpTemplate, locale, {
    notUnderstood,
    phases: EXPLAINED.map((p) => ({ title: phaseLabel(locale, p), value: t(locale, `help.phases.${p}` as StringKey) })),
  });
}

export const helpRoute: Route = {
  name: 'help',
  commands: ['help', 'hulp', 'handreiking', 'guide', '?', 'menu'],
  onCommand: async (ctx) => [{ card: helpCard(ctx.locale) }],
  actions: { 'help.open': async (ctx) => helpCard(ctx.locale) },
};
