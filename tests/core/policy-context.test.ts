/**
 * The conditions of the policy table are facts about the user's own organisation (PROCESS.md, Data per
 * phase: "a partner only while its enrichment request is open"; docs/process.md conditions `asked` and
 * `open`): another organisation's request never opens a cell for you. Each test builds its own case.
 */
import { contextFor } from '../../src/core/policy';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { steps, stored } from './helpers';

/** Verrijking with requests to politie (answered) and wijkteam (still open); school and leerplicht not asked. */
async function enrichmentUnderWay(w: World): Promise<string> {
  const s = steps(w);
  const id = await s.bringIn();
  await s.suspect(id);
  await s.identify(id);
  await s.askPartners(id, ['politie', 'wijkteam']);
  await s.answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
  return id;
}

describe('contextFor: the conditions hold only for the user’s own organisation', () => {
  test('an organisation whose request is still open: asked and open', async () => {
    const w = await makeWorld();
    try {
      const record = await stored(w, await enrichmentUnderWay(w));
      expect(contextFor(record, 'wijkteam')).toEqual({ organisationId: 'wijkteam', enrichmentAsked: true, enrichmentOpen: true });
    } finally {
      await w.close();
    }
  });

  test('an organisation that already answered: asked, no longer open — even while another organisation’s request is open', async () => {
    const w = await makeWorld();
    try {
      const record = await stored(w, await enrichmentUnderWay(w));
      expect(contextFor(record, 'politie')).toEqual({ organisationId: 'politie', enrichmentAsked: true, enrichmentOpen: false });
    } finally {
      await w.close();
    }
  });

  test('an organisation never asked: neither asked nor open, although others were asked and one request is open', async () => {
    const w = await makeWorld();
    try {
      const record = await stored(w, await enrichmentUnderWay(w));
      expect(contextFor(record, 'leerplicht')).toEqual({ organisationId: 'leerplicht', enrichmentAsked: false, enrichmentOpen: false });
      expect(contextFor(record, 'school')).toEqual({ organisationId: 'school', enrichmentAsked: false, enrichmentOpen: false });
    } finally {
      await w.close();
    }
  });

  test('a case without any request: nobody is asked', async () => {
    const w = await makeWorld();
    try {
      const record = await stored(w, await steps(w).bringIn());
      expect(contextFor(record, 'politie')).toEqual({ organisationId: 'politie', enrichmentAsked: false, enrichmentOpen: false });
    } finally {
      await w.close();
    }
  });
});
