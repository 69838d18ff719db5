/**
 * A reference data version and its audit row on SharePoint are one journalled transaction (ADR 0007, ADR
 * 0017): the version item is the commit point. Against the local SharePoint stand-in, an instance whose
 * request fails between the two writes (an injected 500 answer, then never used again) leaves a journal
 * item; the replay by another instance leaves both — the version, its audit row once and its command
 * record — or neither, never one without the other.
 */
import { randomUUID } from 'node:crypto';
import { decodeJournal } from '../../../src/adapters/sharepoint/journal';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { SharePointStore } from '../../../src/adapters/sharepoint/store';
import type { ReferenceData } from '../../../src/core/reference-data';
import { Signaalpunt } from '../../../src/core/service';
import { U } from '../../support/world';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const GRACE_MS = 5 * 60_000;
const itemsPath = (title: string): RegExp => new RegExp(`^web/lists/getByTitle\\('${title}'\\)/items$`);

describe('SharePoint store: a reference data version and its audit row, both or neither', () => {
  let w: SpWorld;
  const stores: SharePointStore[] = [];
  beforeEach(async () => {
    w = await makeSpWorld();
    w.clock.set('2026-03-02T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await w.close();
  });

  /** a new server instance on the same site (its own store and core). */
  const instance = (): { store: SharePointStore; sp: Signaalpunt } => {
    const store = w.secondStore();
    stores.push(store);
    return { store, sp: new Signaalpunt(store, w.clock) };
  };
  const journalItems = () => w.fake.items(LISTS.journal.title);
  const versionItems = () => w.fake.items(LISTS.referenceData.title).map((i) => Number(i.values.Version)).sort((a, b) => a - b);
  const auditOf = (commandId: string) => w.fake.items(LISTS.audit.title).filter((i) => i.values.CommandId === commandId);
  const commandOf = (commandId: string) => w.fake.items(LISTS.commands.title).filter((i) => i.values.CommandId === commandId);
  const afterGrace = () => w.clock.set(new Date(w.clock.now().getTime() + GRACE_MS + 1000).toISOString());

  /** version 1 on the site, and a change of it: one offer more. */
  async function seededChange(sp: Signaalpunt): Promise<{ commandId: string; input: { commandId: string; expectedVersion: number; data: ReferenceData } }> {
    const v1 = await sp.reference.latest();
    expect(v1.version).toBe(1);
    const data: ReferenceData = { ...v1.data, offers: [...v1.data.offers, { organisationId: 'wijkteam', code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities in the neighbourhood', kind: 'dayActivity', minAge: 12, maxAge: 23 }] };
    const commandId = randomUUID();
    return { commandId, input: { commandId, expectedVersion: 1, data } };
  }

  test('the version item carries its transaction, and a change leaves no journal item behind', async () => {
    const { commandId, input } = await seededChange(w.sp);
    expect((await w.sp.reference.change(U.regisseur, input)).ok).toBe(true);
    expect(versionItems()).toEqual([1, 2]);
    expect(journalItems()).toEqual([]);
    const item = w.fake.items(LISTS.referenceData.title).find((i) => i.values.Version === 2)!;
    expect(item.values.TxId).toMatch(/^[0-9a-f-]{36}$/);
    expect(auditOf(commandId)).toHaveLength(1);
    expect(commandOf(commandId)).toHaveLength(1);
  });

  test('the audit row’s write fails after the version item: the journal item stays, and a fresh instance writes the audit row and the command record once', async () => {
    const crashed = instance();
    const { commandId, input } = await seededChange(crashed.sp);
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.audit.title), status: 500 });
    const out = await crashed.sp.reference.change(U.regisseur, input);
    expect(out.ok).toBe(false);
    // the state the failure leaves: the version is there (and the command record, written before the audit
    // rows, transaction.ts), its audit row is not (yet)
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toEqual([]);
    expect(journalItems()).toHaveLength(1);
    const body = decodeJournal(journalItems()[0]!.values);
    expect(body.reference?.version).toBe(2);
    expect(body.audit.map((a) => a.commandId)).toEqual([commandId]);

    afterGrace();
    const fresh = instance();
    expect(await fresh.store.transaction(async () => 'noop')).toBe('noop');
    expect(journalItems()).toEqual([]);
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toHaveLength(1);
    expect(commandOf(commandId)).toHaveLength(1);
    expect(await fresh.sp.verifyAudit(50)).toMatchObject({ ok: true });
    // the client's retry of the same save is answered from the command record: no third version, no second row
    const retry = await fresh.sp.reference.change(U.regisseur, input);
    expect(retry).toMatchObject({ ok: true, value: { version: 2, replayed: true } });
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toHaveLength(1);
  });

  test('the instance whose audit write failed completes it at its own next transaction, without waiting for the grace', async () => {
    const { commandId, input } = await seededChange(w.sp);
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.audit.title), status: 500 });
    expect((await w.sp.reference.change(U.regisseur, input)).ok).toBe(false);
    expect(journalItems()).toHaveLength(1);
    await w.store.transaction(async () => undefined);
    expect(journalItems()).toEqual([]);
    expect(auditOf(commandId)).toHaveLength(1);
    expect(commandOf(commandId)).toHaveLength(1);
  });

  test('the version item’s write fails: the replay discards the journal item — no version, no audit row, no command record — and the same change can be made again', async () => {
    const crashed = instance();
    const { commandId, input } = await seededChange(crashed.sp);
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.referenceData.title), status: 500 });
    expect((await crashed.sp.reference.change(U.regisseur, input)).ok).toBe(false);
    expect(versionItems()).toEqual([1]);
    expect(journalItems()).toHaveLength(1);

    afterGrace();
    const fresh = instance();
    await fresh.store.transaction(async () => undefined);
    expect(journalItems()).toEqual([]);
    expect(versionItems()).toEqual([1]);
    expect(auditOf(commandId)).toEqual([]);
    expect(commandOf(commandId)).toEqual([]);
    const again = await fresh.sp.reference.change(U.regisseur, input);
    expect(again).toMatchObject({ ok: true, value: { version: 2, replayed: false } });
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toHaveLength(1);
    expect(await fresh.sp.verifyAudit(50)).toMatchObject({ ok: true });
  });

  test('a journal item whose version number another instance took with its own version is discarded: that version keeps no audit row of this one', async () => {
    const crashed = instance();
    const { commandId, input } = await seededChange(crashed.sp);
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.referenceData.title), status: 500 });
    expect((await crashed.sp.reference.change(U.regisseur, input)).ok).toBe(false);
    // another instance makes version 2 (its own change) before the grace has passed
    const other = instance();
    const theirs = randomUUID();
    expect((await other.sp.reference.change(U.regisseur, { ...input, commandId: theirs })).ok).toBe(true);
    afterGrace();
    await instance().store.transaction(async () => undefined);
    expect(journalItems()).toEqual([]);
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toEqual([]);
    expect(commandOf(commandId)).toEqual([]);
    expect(auditOf(theirs)).toHaveLength(1);
  });

  test('the version item’s add lands but its answer is lost (504, retried by PnP, then 409 on the taken number): the version is recognised as this one’s — audited once, no conflict, no journal item left', async () => {
    const { commandId, input } = await seededChange(w.sp);
    w.fake.inject({ method: 'POST', path: itemsPath(LISTS.referenceData.title), status: 504, afterApply: true });
    const out = await w.sp.reference.change(U.regisseur, input);
    expect(out).toMatchObject({ ok: true, value: { version: 2, replayed: false } });
    expect(versionItems()).toEqual([1, 2]);
    expect(auditOf(commandId)).toHaveLength(1);
    expect(commandOf(commandId)).toHaveLength(1);
    expect(journalItems()).toEqual([]);
  });
});
