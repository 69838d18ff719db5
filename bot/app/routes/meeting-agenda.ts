/**
 * The agenda of a signaaltafel, sent to each participant before the meeting (queued by the meeting-agenda
 * job, src/jobs/meeting-agenda.ts, with the items that participant may see). Process level only: per item
 * its position, the part of the agenda, and the kenmerk and phase where the participant's view holds the
 * frame; an item without them is "an item without content for you". Dropped when the recipient no longer
 * takes part in the table (left the protocol, lost the role) by the time it is sent.
 */
import { MINUTES_TEXT, meetingRolesFor } from '../../../src/core/meetings';
import type { AgendaLine } from '../../../src/jobs/meeting-agenda';
import { formatDate, phaseLabel, t } from '../i18n';
import type { CaseFreeBuilder } from './common';
import { noticeCard } from './common';

const isLine = (x: unknown): x is AgendaLine =>
  typeof x === 'object' && x !== null && typeof (x as AgendaLine).position === 'number' && typeof (x as AgendaLine).part === 'string' && (x as AgendaLine).part in MINUTES_TEXT['nl-NL'];

export const buildMeetingAgenda: CaseFreeBuilder = {
  caseFree: ({ recipient, locale, payload, deps }) => {
    if (meetingRolesFor(recipient.user, recipient.organisation, deps.clock.now().toISOString()).length === 0) return { obsolete: 'NOT_A_PARTICIPANT' };
    const items = Array.isArray(payload.items) ? payload.items.filter(isLine) : [];
    const title = typeof payload.title === 'string' ? payload.title : '';
    const scheduledOn = typeof payload.scheduledOn === 'string' ? payload.scheduledOn : '';
    const words = MINUTES_TEXT[locale];
    return {
      card: noticeCard(locale, {
        title: t(locale, 'agenda.title', { title, date: scheduledOn ? formatDate(locale, scheduledOn) : '' }),
        lines: [
          t(locale, 'agenda.intro'),
          ...items.map((i) =>
            i.reference && i.phase
              ? t(locale, 'agenda.item', { position: i.position, part: words[i.part], reference: i.reference, phase: phaseLabel(locale, i.phase) })
              : t(locale, 'agenda.itemHidden', { position: i.position, part: words[i.part] }),
          ),
        ],
      }),
    };
  },
};
