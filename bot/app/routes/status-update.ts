/**
 * The status at process level for the parties of a case (issue 16, feature row 9: "involved and lead
 * partners get a message when the case they helped with changes phase … or when it is closed"): the kenmerk,
 * the phase and since when — read from the recipient's own view of the case, nothing else. A message for a
 * phase the case has meanwhile left is dropped: the message for the newer phase says it.
 */
import { render } from '../cards';
import { formatDate, phaseLabel, t } from '../i18n';
import type { ProactiveBuilder } from './common';
import { processView } from './common';
import template from '../../cards/status-update.json';

export const buildStatusUpdate: ProactiveBuilder = ({ record, locale, recipient, deps, payload }) => {
  if (payload.phase !== record.frame.phase) return { obsolete: 'PHASE_CHANGED' };
  const frame = processView(deps, recipient, record)?.frame;
  const closed = frame?.phase === 'CLOSED';
  const since = closed ? frame?.closedAt : frame?.phaseSince;
  if (!frame?.reference || !frame.phase || !since) return { obsolete: 'NO_ACCESS' };
  const reference = frame.reference;
  return {
    card: render(template, locale, {
      body: closed ? t(locale, 'status.bodyClosed', { reference }) : t(locale, 'status.body', { reference, phase: phaseLabel(locale, frame.phase) }),
      reference,
      phase: phaseLabel(locale, frame.phase),
      since: formatDate(locale, since),
    }),
  };
};
