/**
 * @jest-environment jsdom
 *
 * The tab's labels of a managed catalogue code (issue 16) after the procesregisseur relabelled and retired
 * it, on the real core: an old case's risk signal is shown by its newest label, not its code, and the code
 * is no longer among the codes the tab offers.
 */
import { randomUUID } from 'node:crypto';
import { codesFrom } from '../../../teams-app/src/codes';
import { U, makeWorld } from '../../support/world';
import { CoreTabApi } from './support/core-api';

test('a risk signal relabelled and retired after a case stored it: the tab shows the case’s signal by its newest label in nl and en', async () => {
  const w = await makeWorld();
  await w.cmd('submitConcern', U.mentor, { ageYears: 15, riskSignals: ['SCHULDEN'], freeText: '' });
  const latest = await w.sp.reference.latest();
  const data = structuredClone(latest.data);
  const i = data.catalogue.findIndex((e) => e.kind === 'riskSignal' && e.code === 'SCHULDEN');
  data.catalogue[i] = { kind: 'riskSignal', code: 'SCHULDEN', nl: 'Schulden bij leeftijdgenoten', en: 'Debts to peers', activeUntil: '2000-01-02' };
  const changed = await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: latest.version, data });
  expect(changed.ok).toBe(true);
  const catalogue = await new CoreTabApi(w, U.voorzitter).catalogue();
  expect(codesFrom(catalogue, 'nl-NL').label('riskSignals', 'SCHULDEN')).toBe('Schulden bij leeftijdgenoten');
  expect(codesFrom(catalogue, 'en-US').label('riskSignals', 'SCHULDEN')).toBe('Debts to peers');
  expect(catalogue.riskSignals?.find((e) => e.code === 'SCHULDEN')?.retiredIn).toBe(latest.version + 1);
});
