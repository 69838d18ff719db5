/**
 * @jest-environment jsdom
 *
 * A part of the tab loaded on demand (teams-app/src/components/lazy.tsx): its place says it is loading in
 * the reader's language until the part has arrived; a part whose chunk could not be loaded says so and
 * loads again on "try again", instead of the whole tab going blank (an error React would otherwise throw
 * up to the root).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { lazyPart } from '../../../teams-app/src/components/lazy';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { en, nl, renderTab } from './support/render';
import type { Session } from './support/session';
import { session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

function Greeting({ name }: { name: string }) {
  return <p>{`Hallo ${name}`}</p>;
}

/** a loader the test answers by hand: each call waits for resolve() or reject() of its own. */
function manualLoader() {
  const calls: { resolve: (c: typeof Greeting) => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<typeof Greeting>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

test.each([
  ['nl-NL', nl.loading],
  ['en-US', en.loading],
] as const)('while its chunk is on its way, a part shows a labelled spinner in the reader’s language (%s), then the part with its props', async (locale, label) => {
  const loader = manualLoader();
  const { Part } = lazyPart(loader.load);
  renderTab(<Part name="Signaaltafel" />, new CoreTabApi(s.w, U.voorzitter), locale);
  await screen.findByText(label);
  expect(screen.queryByText('Hallo Signaaltafel')).toBeNull();
  await act(async () => loader.calls[0]!.resolve(Greeting));
  await screen.findByText('Hallo Signaaltafel');
  expect(screen.queryByText(label)).toBeNull();
});

test('a part whose chunk failed to load says so (role alert) and loads again on “try again”; the tab around it stays', async () => {
  const loader = manualLoader();
  const { Part } = lazyPart(loader.load);
  renderTab(
    <main>
      <h1>Signaaltafel</h1>
      <Part name="weer" />
    </main>,
    new CoreTabApi(s.w, U.voorzitter),
  );
  await screen.findByText(nl.loading);
  await act(async () => loader.calls[0]!.reject(new Error('chunk not loaded')));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain(nl.errorGeneric);
  expect(screen.getByRole('heading', { name: 'Signaaltafel' })).toBeTruthy();
  fireEvent.click(screen.getByText(nl.retry));
  await screen.findByText(nl.loading);
  expect(loader.calls).toHaveLength(2); // loaded again, not the failure kept
  await act(async () => loader.calls[1]!.resolve(Greeting));
  await screen.findByText('Hallo weer');
  expect(screen.queryByRole('alert')).toBeNull();
});

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{`${label} ${n}`}</button>;
}

test('a part that arrived after its first render keeps its own state when the tab around it renders again (the session’s open forms and minutes survive a refresh)', async () => {
  const calls: ((c: typeof Counter) => void)[] = [];
  const { Part } = lazyPart(() => new Promise<typeof Counter>((resolve) => calls.push(resolve)));
  function Around() {
    const [round, setRound] = useState(0);
    return (
      <main>
        <button onClick={() => setRound(round + 1)}>{`ververs ${round}`}</button>
        <Part label="teller" />
      </main>
    );
  }
  renderTab(<Around />, new CoreTabApi(s.w, U.voorzitter));
  await act(async () => calls[0]!(Counter));
  fireEvent.click(await screen.findByText('teller 0'));
  fireEvent.click(await screen.findByText('teller 1'));
  await screen.findByText('teller 2');
  fireEvent.click(screen.getByText('ververs 0'));
  await screen.findByText('ververs 1');
  expect(screen.getByText('teller 2')).toBeTruthy();
});
