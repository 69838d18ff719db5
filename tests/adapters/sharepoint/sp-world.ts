/**
 * The real core (Signaalpunt) on the real SharePoint store, talking to the local SharePoint stand-in:
 * provisioned by the real provisioning code, seeded with the demo tenant, with a clock the test moves.
 * `driveTo` walks a case through the process as the demo users do (tests/support/world's caseWalker).
 */
import { randomUUID } from 'node:crypto';
import { provision } from '../../../src/adapters/sharepoint/provision';
import { SharePointStore } from '../../../src/adapters/sharepoint/store';
import type { SharePointStoreOptions, StoreLogger } from '../../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../../src/adapters/sharepoint/token';
import type { Phase, User } from '../../../src/core/model';
import type { CommandName } from '../../../src/core/phases';
import type { CommandOutcome } from '../../../src/core/service';
import { Signaalpunt } from '../../../src/core/service';
import { DEMO_ORGANISATIONS, seedDemoTenant } from '../../../src/demo/tenant';
import { TestClock, caseWalker } from '../../support/world';
import { FakeSharePoint } from './fake-sharepoint';

export type Exit = 'NO_SUSPICION' | 'NOT_CONFIRMED' | 'AGE_OVER_23' | 'WITHDRAWN';

export interface SpWorld {
  fake: FakeSharePoint;
  store: SharePointStore;
  clock: TestClock;
  sp: Signaalpunt;
  warnings: { message: string; meta?: Record<string, unknown> }[];
  cmd: (name: CommandName, user: User, input: Record<string, unknown>) => Promise<CommandOutcome>;
  driveTo: (phase: Phase, opts?: { exit?: Exit }) => Promise<string>;
  /** another server instance on the same site (its own store, same clock). */
  secondStore: (opts?: Partial<SharePointStoreOptions>) => SharePointStore;
  close: () => Promise<void>;
}

export async function makeSpWorld(opts: { store?: Partial<SharePointStoreOptions>; fake?: FakeSharePoint } = {}): Promise<SpWorld> {
  const fake = opts.fake ?? (await new FakeSharePoint().start());
  const clock = new TestClock();
  const warnings: SpWorld['warnings'] = [];
  const log: StoreLogger = { warn: (message, meta) => warnings.push({ message, ...(meta ? { meta } : {}) }) };
  const storeOpts = (o: Partial<SharePointStoreOptions> = {}): SharePointStoreOptions => ({
    siteUrl: fake.siteUrl,
    token: new StaticTokenProvider(fake.token),
    retryIntervalMs: 5,
    clock,
    log,
    ...opts.store,
    ...o,
  });
  const store = new SharePointStore(storeOpts());
  if (!opts.fake) {
    await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
    await seedDemoTenant(store);
  }
  const sp = new Signaalpunt(store, clock);
  const cmd = async (name: CommandName, user: User, input: Record<string, unknown>): Promise<CommandOutcome> => {
    const r = await sp.execute(name, user, { commandId: randomUUID(), ...input });
    if (!r.ok) throw new Error(`${name} by ${user.id} refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
  const driveTo: SpWorld['driveTo'] = caseWalker(cmd, clock, sp);
  return {
    fake,
    store,
    clock,
    sp,
    warnings,
    cmd,
    driveTo,
    secondStore: (o) => new SharePointStore(storeOpts(o)),
    close: async () => {
      await store.close();
      if (!opts.fake) await fake.stop();
    },
  };
}
