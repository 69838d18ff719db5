import { makeWorld, U } from '../support/world';
import type { Phase } from '../../src/core/model';
const phases: Phase[] = ['INBRENG','VERRIJKING','BESPREKING','OPVOLGING','REFLECTIE','CLOSED','PURGED'];
test.each(phases)('drive %s', async (p) => {
  const w = await makeWorld();
  const id = await w.driveTo(p);
  const r = await w.sp.getCase(U.regisseur, id);
  if (!r.ok) throw r.error;
  expect(r.value.phase).toBe(p);
  console.log(p, JSON.stringify(r.value).slice(0, 3000));
});
test.each(['NO_SUSPICION','NOT_CONFIRMED','AGE_OVER_23','WITHDRAWN'] as const)('exit %s', async (e) => {
  const w = await makeWorld();
  const id = await w.driveTo('CLOSED', { exit: e });
  const r = await w.sp.getCase(U.regisseur, id);
  if (!r.ok) throw r.error;
  expect(r.value.phase).toBe('CLOSED');
});
