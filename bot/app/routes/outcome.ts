/**
 * The outcome for the inbrenger when the case closes ("beantwoording van de zorgen van de inbrenger"):
 * at process level only — exit reason and advised route as the policy table lets the inbrenger see them.
 */
import { label } from '../../../src/core/catalogue';
import { render } from '../cards';
import { formatDate, t } from '../i18n';
import type { ProactiveBuilder } from './common';
import { processView } from './common';
import template from '../../cards/outcome.json';

/**
 * What the card says about the young person depends on the case (issue 16, "texts that are wrong for the
 * case at hand"), read from the reader's frame: never identified (closed in Inbreng, not eligible — the
 * identity is then not stored) → nobody to tell; identified and recorded as informed → the closure letter
 * follows; identified, informing not recorded → no promise.
 */
function residentLineKey(frame: { identityCapturedAt?: string; informedOn?: string }): 'outcome.resident' | 'outcome.residentNotIdentified' | 'outcome.residentNotInformed' {
  if (!frame.identityCapturedAt) return 'outcome.residentNotIdentified';
  return frame.informedOn ? 'outcome.resident' : 'outcome.residentNotInformed';
}

export const buildOutcome: ProactiveBuilder = ({ record, locale, recipient, deps }) => {
  if (record.frame.phase !== 'CLOSED' || !record.frame.closedAt) return { obsolete: 'NOT_CLOSED' };
  if (record.frame.inbrengerUserId !== recipient.user.id) return { obsolete: 'NOT_THE_INBRENGER' };
  const frame = processView(deps, recipient, record)?.frame;
  if (!frame?.exit || !frame.closedAt) return { obsolete: 'NO_ACCESS' };
  const reference = record.frame.reference;
  return {
    card: render(template, locale, {
      body: t(locale, 'outcome.body', { reference, date: formatDate(locale, frame.closedAt) }),
      reference,
      reason: label('exitReasons', frame.exit.reason, locale),
      route: label('advisedRoutes', frame.exit.advisedRoute, locale),
      resident: t(locale, residentLineKey(frame)),
    }),
  };
};
