/**
 * ReferenceDataService.history() is the one cache of the reference data's versions (issue 16, review): a
 * version never changes once written, so the versions read are kept; which version is the newest is read
 * from the store (latest()), so a version another instance wrote is seen. The bot's card labels read through
 * it too. The store is real (SQLite in memory); the spies only count its reads.
 */
import { randomUUID } from 'node:crypto';
import { codeLabels } from '../../bot/app/code-labels';
import { ReferenceDataService } from '../../src/core/reference-service';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await w.close();
});

const addSignal = async (service: ReferenceDataService, code: string, expectedVersion: number) => {
  const data = structuredClone((await service.latest()).data);
  data.catalogue.push({ kind: 'riskSignal', code, nl: `Signaal ${code}`, en: `Signal ${code}` });
  const r = await service.change(U.regisseur, { commandId: randomUUID(), expectedVersion, data });
  if (!r.ok) throw new Error(r.error.code);
};

test('history reads the versions from the store once while the newest version stays the same', async () => {
  await w.sp.reference.history();
  const lists = jest.spyOn(w.store, 'listReferenceVersions');
  for (let i = 0; i < 3; i++) expect((await w.sp.reference.history()).map((v) => v.version)).toEqual([1]);
  expect(lists).toHaveBeenCalledTimes(0);
});

test('after a change here, history reads the store once more and ends in the new version', async () => {
  await w.sp.reference.history();
  await addSignal(w.sp.reference, 'NACHTWERK', 1);
  const lists = jest.spyOn(w.store, 'listReferenceVersions');
  expect((await w.sp.reference.history()).map((v) => v.version)).toEqual([1, 2]);
  expect((await w.sp.reference.history()).map((v) => v.version)).toEqual([1, 2]);
  expect(lists).toHaveBeenCalledTimes(1);
});

test('a second instance on the same store sees in its history the version the first one wrote', async () => {
  const first = w.sp.reference;
  // the second instance reads the newest version from the store at every call (no time-bounded cache)
  const second = new ReferenceDataService(w.store, w.clock, () => ({}), 0);
  expect((await second.history()).map((v) => v.version)).toEqual([1]);
  await addSignal(first, 'NACHTWERK', 1);
  expect((await second.history()).map((v) => v.version)).toEqual([1, 2]);
  expect((await second.history()).at(-1)!.data.catalogue.some((e) => e.code === 'NACHTWERK')).toBe(true);
});

test('the bot\'s card labels read the versions through the same cache: no second read of the store', async () => {
  await w.sp.reference.history();
  const lists = jest.spyOn(w.store, 'listReferenceVersions');
  const label = await codeLabels(w.sp, 'nl-NL');
  await codeLabels(w.sp, 'en-US');
  await w.sp.reference.history();
  expect(label('riskSignals', 'GELD')).toBe('Onverklaarbaar geld of dure spullen');
  expect(lists).toHaveBeenCalledTimes(0);
});
