/**
 * The procesregisseur's list of bot messages that were not delivered (GET /api/v1/bot/undelivered): dead
 * letters (the bot gave up) and messages still retried after several failed attempts, by kenmerk and kind.
 * Process-level fields only: the API sends no recipient and no content. Dutch first, English second.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { UndeliveredMessage } from '@signaalpunt/contract/types';
import type { Locale } from '../i18n';

const TEXT = {
  'nl-NL': {
    title: 'Niet bezorgde berichten van de bot',
    loading: 'Laden…',
    failed: 'De lijst kon niet worden geladen.',
    empty: 'Alle berichten van de bot zijn bezorgd.',
    intro: 'Neem bij opgegeven berichten zelf contact op met de ontvanger; de andere probeert de bot opnieuw.',
    reference: 'Kenmerk',
    kind: 'Bericht',
    state: 'Status',
    attempts: 'Pogingen',
    lastError: 'Laatste fout',
    dead: 'Opgegeven',
    retrying: 'Wordt opnieuw geprobeerd',
    kinds: {
      identityRequest: 'Vraag om naam en geboortedatum',
      enrichmentRequest: 'Verrijkingsvraag',
      outcome: 'Uitkomst voor de inbrenger',
      informingReminder: 'Herinnering: jongere informeren',
      informingOverdue: 'Melding: jongere niet op tijd geïnformeerd',
      enrichmentReminder: 'Herinnering: verrijkingsvraag',
      undeliveredReport: 'Dagrapport: niet bezorgde berichten',
    } as Record<string, string>,
    errors: { SEND_FAILED: 'verzenden mislukt', NO_CONVERSATION: 'ontvanger heeft de bot nog niet geïnstalleerd', NO_RECIPIENT: 'ontvanger onbekend' } as Record<string, string>,
  },
  'en-US': {
    title: 'Bot messages not delivered',
    loading: 'Loading…',
    failed: 'The list could not be loaded.',
    empty: "All of the bot's messages were delivered.",
    intro: 'For messages the bot gave up on, contact the recipient yourself; the others are being retried.',
    reference: 'Reference',
    kind: 'Message',
    state: 'Status',
    attempts: 'Attempts',
    lastError: 'Last error',
    dead: 'Given up',
    retrying: 'Being retried',
    kinds: {
      identityRequest: 'Request for name and date of birth',
      enrichmentRequest: 'Enrichment request',
      outcome: 'Outcome for the professional',
      informingReminder: 'Reminder: inform the young person',
      informingOverdue: 'Report: young person not informed in time',
      enrichmentReminder: 'Reminder: enrichment request',
      undeliveredReport: 'Daily report: undelivered messages',
    } as Record<string, string>,
    errors: { SEND_FAILED: 'sending failed', NO_CONVERSATION: 'the recipient has not installed the bot yet', NO_RECIPIENT: 'recipient unknown' } as Record<string, string>,
  },
};

function errorText(locale: Locale, code: string | null): string {
  if (!code) return '—';
  const [name, status] = code.split(':');
  const text = TEXT[locale].errors[name ?? ''] ?? code;
  return status ? `${text} (HTTP ${status})` : text;
}

export function UndeliveredMessages(props: { load: () => Promise<UndeliveredMessage[]>; locale: Locale }): React.ReactElement {
  const s = TEXT[props.locale];
  const [items, setItems] = React.useState<UndeliveredMessage[] | 'failed' | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    props.load().then(
      (list) => live && setItems(list),
      () => live && setItems('failed'),
    );
    return () => {
      live = false;
    };
  }, [props.load]);

  if (items === undefined) return <Spinner label={s.loading} />;
  if (items === 'failed') return <MessageBar messageBarType={MessageBarType.error}>{s.failed}</MessageBar>;
  return (
    <section aria-label={s.title}>
      <h2>{s.title}</h2>
      {items.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.success}>{s.empty}</MessageBar>
      ) : (
        <>
          <p>{s.intro}</p>
          <table data-testid="undelivered-messages">
            <thead>
              <tr>
                <th scope="col">{s.reference}</th>
                <th scope="col">{s.kind}</th>
                <th scope="col">{s.state}</th>
                <th scope="col">{s.attempts}</th>
                <th scope="col">{s.lastError}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{m.reference ?? '—'}</td>
                  <td>{s.kinds[m.kind] ?? m.kind}</td>
                  <td>{m.state === 'dead' ? s.dead : s.retrying}</td>
                  <td>{m.attempts}</td>
                  <td>{errorText(props.locale, m.lastError)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
