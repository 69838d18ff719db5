/**
 * The real core (Signaalpunt) on the real SharePoint store, talking to the local SharePoint stand-in:
 * provisioned by the real provisioning code, seeded with the demo tenant, with a clock the test moves.
 * `driveTo` walks a case through the process as the demo users do (the same walk as tests/support/world).
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
import { CONCERN, TestClock, U } from '../../support/world';
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
  const driveTo: SpWorld['driveTo'] = async (phase, o = {}) => {
    const { caseId } = await cmd('submitConcern', U.mentor, { ...CONCERN });
    if (phase === 'INBRENG') return caseId;
    if (o.exit === 'NO_SUSPICION') {
      await cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Geen aanwijzingen voor ondermijning.', advisedRoute: 'ZORGTEAM_SCHOOL' });
      return caseId;
    }
    await cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    if (o.exit === 'WITHDRAWN') {
      await cmd('withdrawCase', U.regisseur, { caseId, rationale: 'Inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' });
      return caseId;
    }
    if (o.exit === 'AGE_OVER_23') {
      await cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '1990-01-01' });
      return caseId;
    }
    await cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    await cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
    if (phase === 'VERRIJKING' && !o.exit) return caseId;
    if (o.exit === 'NOT_CONFIRMED') {
      await cmd('answerEnrichment', U.agent, { caseId, known: false });
      await cmd('concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
      return caseId;
    }
    await cmd('answerEnrichment', U.agent, { caseId, known: true, signals: ['LAAT_OP_STRAAT'] });
    await cmd('answerEnrichment', U.coach, { caseId, known: false });
    await cmd('concludeEnrichment', U.regisseur, { caseId });
    if (phase === 'BESPREKING') return caseId;
    await cmd('recordDiscussion', U.regisseur, {
      caseId,
      lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
      parties: ['politie', 'jongerenwerk'],
      followUpOptions: ['GESPREK_JONGERENWERK'],
      leadOrganisationId: 'jongerenwerk',
      contact: { phone: '06-12345678' },
      complete: true,
    });
    if (phase === 'OPVOLGING') return caseId;
    await cmd('recordFollowUp', U.jongerenwerk, {
      caseId,
      actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }],
      residentStance: 'agrees',
      complete: true,
    });
    if (phase === 'REFLECTIE') return caseId;
    await cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
    if (phase === 'CLOSED') return caseId;
    clock.advanceDays(800);
    await sp.runRetention();
    return caseId;
  };
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
