import * as React from 'react';
import { render, screen } from '@testing-library/react';
import type { UndeliveredMessage } from '@signaalpunt/contract/types';
import { UndeliveredMessages } from '../src/caseList/components/UndeliveredMessages';
import { SignaalpuntApp } from '../src/caseList/components/SignaalpuntApp';
import { FakeAccountability } from './fakeAccountability';
import { FakeSource, summary } from './fakeSource';

const dead: UndeliveredMessage = { id: 'm1', kind: 'identityRequest', reference: 'SJV-2026-0007', state: 'dead', attempts: 8, lastError: 'SEND_FAILED:503', createdAt: '2026-03-02T09:00:00.000Z', at: '2026-03-03T09:00:00.000Z' };
const retrying: UndeliveredMessage = { id: 'm2', kind: 'enrichmentRequest', reference: 'SJV-2026-0008', state: 'retrying', attempts: 3, lastError: 'NO_CONVERSATION', createdAt: '2026-03-02T09:00:00.000Z', at: '2026-03-04T09:00:00.000Z' };

function rows(): string[][] {
  return Array.from(screen.getByTestId('undelivered-messages').querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent || ''));
}

test('the procesregisseur sees each undelivered message by kenmerk and kind name, given up or being retried, in Dutch', async () => {
  render(<UndeliveredMessages load={async () => [dead, retrying]} locale="nl-NL" />);
  await screen.findByTestId('undelivered-messages');
  expect(rows()).toEqual([
    ['SJV-2026-0007', 'Vraag om naam en geboortedatum', 'Opgegeven', '8', 'verzenden mislukt (HTTP 503)'],
    ['SJV-2026-0008', 'Verrijkingsvraag', 'Wordt opnieuw geprobeerd', '3', 'ontvanger heeft de bot nog niet geïnstalleerd'],
  ]);
  expect(screen.getByRole('heading', { name: 'Niet bezorgde berichten van de bot' })).toBeTruthy();
});

test('in English, with the same rows', async () => {
  render(<UndeliveredMessages load={async () => [dead]} locale="en-US" />);
  await screen.findByTestId('undelivered-messages');
  expect(rows()).toEqual([['SJV-2026-0007', 'Request for name and date of birth', 'Given up', '8', 'sending failed (HTTP 503)']]);
});

test('nothing undelivered says so; a failed load says that, not "all delivered"', async () => {
  const { unmount } = render(<UndeliveredMessages load={async () => []} locale="nl-NL" />);
  expect(await screen.findByText('Alle berichten van de bot zijn bezorgd.')).toBeTruthy();
  unmount();
  render(<UndeliveredMessages load={() => Promise.reject(new Error('403'))} locale="nl-NL" />);
  expect(await screen.findByText('De lijst kon niet worden geladen.')).toBeTruthy();
  expect(screen.queryByText('Alle berichten van de bot zijn bezorgd.')).toBeNull();
});

describe('in the web part', () => {
  function app(roles: string[]) {
    const acc = new FakeAccountability(roles);
    const asked: string[] = [];
    Object.assign(acc, { undelivered: async () => (asked.push('undelivered'), [dead]) });
    render(<SignaalpuntApp cases={new FakeSource([summary(1)], {}, roles)} accountability={acc} locale="nl-NL" />);
    return asked;
  }

  test('the procesregisseur sees the list with the case list', async () => {
    const asked = app(['procesregisseur']);
    await screen.findByTestId('undelivered-messages');
    expect(rows()[0]).toEqual(['SJV-2026-0007', 'Vraag om naam en geboortedatum', 'Opgegeven', '8', 'verzenden mislukt (HTTP 503)']);
    expect(asked.length).toBeGreaterThan(0);
  });

  test('a partner never gets it, and it is never fetched for them', async () => {
    const asked = app(['partner']);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('undelivered-messages')).toBeNull();
    expect(asked).toEqual([]);
  });
});
