/**
 * Bad requests are refused with problem+json that names the field and never echoes the input, and nothing
 * is stored: no case, no command record, no audit row.
 */
import type { Reply, TestServer } from './support/harness';
import { BODIES, CONCERN, DEMO, cmdId, commandPath, driveTo, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ SJV_WRITE_RATE_LIMIT: '100000' });
});
afterAll(async () => {
  await t.close();
});

interface Counts {
  cases: number;
  audit: number;
  commands: number;
}
async function counts(): Promise<Counts> {
  const db = t.server.store.db;
  const n = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { cases: n('cases'), audit: n('audit'), commands: n('commands') };
}

/** Sends the request and asserts a problem with nothing stored; returns the reply. */
async function refusedWithNothingStored(send: () => Promise<Reply>, status: number, code: string): Promise<Reply> {
  const before = await counts();
  const r = await send();
  expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ type: `urn:signaalpunt:problem:${code}`, status, title: expect.any(String), detail: expect.any(String) });
  expect(r.body.messages).toEqual({ nl: expect.any(String), en: expect.any(String) });
  expect(await counts()).toEqual(before);
  return r;
}

const submit = (body: unknown) => () => t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body });

test('wrong types are refused and each wrong field is named', async () => {
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, ageYears: '15', riskSignals: 'GELD' }), 400, 'VALIDATION.INVALID_INPUT');
  expect(r.body.fields).toEqual(
    expect.arrayContaining([
      { path: 'ageYears', issue: 'invalid_type' },
      { path: 'riskSignals', issue: 'invalid_type' },
    ]),
  );
});

test('unknown fields are refused by name', async () => {
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, colour: 'red', nickname: 'x' }), 400, 'VALIDATION.INVALID_INPUT');
  expect(r.body.fields).toEqual([
    { path: 'colour', issue: 'unrecognized_keys' },
    { path: 'nickname', issue: 'unrecognized_keys' },
  ]);
});

test('an unknown field whose name is not a field name (it may be personal data) is refused without echoing it', async () => {
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, 'Jan Jansen (06-12345678)': true }), 400, 'VALIDATION.INVALID_INPUT');
  expect(r.body.fields).toEqual([{ path: '(unnamed field)', issue: 'unrecognized_keys' }]);
  expect(r.text).not.toContain('Jansen');
});

test('a caseId in the body of a command on a case is refused: the path carries it', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  const r = await refusedWithNothingStored(
    () => t.call('POST', commandPath('decideSuspicion', caseId), { as: DEMO.voorzitter, body: { commandId: cmdId(), caseId, ...BODIES.decideSuspicion() } }),
    400,
    'VALIDATION.INVALID_INPUT',
  );
  expect(r.body.fields).toEqual([{ path: 'caseId', issue: 'unrecognized_keys' }]);
});

test('a body of 1 MB is refused with 413 before it is read', async () => {
  const big = { commandId: cmdId(), ...CONCERN, freeText: 'a'.repeat(1024 * 1024) };
  await refusedWithNothingStored(submit(big), 413, 'HTTP.PAYLOAD_TOO_LARGE');
});

test('a body just over 64 KB is refused and one under it is parsed', async () => {
  await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, freeText: 'a'.repeat(64 * 1024) }), 413, 'HTTP.PAYLOAD_TOO_LARGE');
  // Under the limit, the core's own limit on free text (1000 characters) applies.
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, freeText: 'a'.repeat(60 * 1024) }), 400, 'VALIDATION.INVALID_INPUT');
  expect(r.body.fields).toEqual([{ path: 'freeText', issue: 'too_big' }]);
});

test('invalid dates are refused: an impossible day, a wrong format, a date of birth in the future', async () => {
  const caseId = await driveTo(t, 'VERRIJKING');
  for (const dateOfBirth of ['2011-02-30', '04-05-2011', '2011-5-4']) {
    const r = await refusedWithNothingStored(
      () => t.call('POST', commandPath('supplyIdentity', caseId), { as: DEMO.mentor, body: { commandId: cmdId(), name: 'Test Persoon', dateOfBirth } }),
      400,
      'VALIDATION.INVALID_INPUT',
    );
    expect(r.body.fields).toEqual([{ path: 'dateOfBirth', issue: 'INVALID_DATE' }]);
    expect(r.text).not.toContain(dateOfBirth);
    expect(r.text).not.toContain('Test Persoon');
  }
  const future = await refusedWithNothingStored(
    () => t.call('POST', commandPath('supplyIdentity', caseId), { as: DEMO.mentor, body: { commandId: cmdId(), name: 'Test Persoon', dateOfBirth: '2999-01-01' } }),
    400,
    'VALIDATION.INVALID_INPUT',
  );
  expect(future.body.fields).toEqual([{ path: 'dateOfBirth', issue: 'IN_FUTURE' }]);
});

test('unknown catalogue codes are refused with VALIDATION.UNKNOWN_CODE naming the field', async () => {
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, riskSignals: ['GELD', 'NOT_A_SIGNAL'], forms: ['OPSLAG'] }), 400, 'VALIDATION.UNKNOWN_CODE');
  // OPSLAG is a retired code: known to the catalogue, refused for new input.
  expect(r.body.fields).toEqual(
    expect.arrayContaining([
      { path: 'riskSignals.1', issue: 'UNKNOWN_CODE' },
      { path: 'forms.0', issue: 'UNKNOWN_CODE' },
    ]),
  );
  expect(r.text).not.toContain('NOT_A_SIGNAL');
});

test('identifiers in anonymous text are refused with INTAKE.IDENTIFIER_DETECTED, their kinds and offsets, never the text', async () => {
  const freeText = 'Het gaat om Jan de Vries, BSN 111222333, bereikbaar op 06-12345678.';
  const r = await refusedWithNothingStored(submit({ commandId: cmdId(), ...CONCERN, freeText }), 422, 'INTAKE.IDENTIFIER_DETECTED');
  expect(r.body.categories).toEqual(expect.arrayContaining(['BSN', 'PHONE']));
  for (const span of r.body.spans) {
    expect(span).toEqual({ category: expect.any(String), start: expect.any(Number), end: expect.any(Number), field: 'freeText' });
    expect(span.end).toBeGreaterThan(span.start);
  }
  for (const secret of ['Jan de Vries', '111222333', '06-12345678', 'Vries']) expect(r.text).not.toContain(secret);
});

test('after an identifier refusal the same commandId goes through once the text is fixed: the refusal recorded nothing', async () => {
  const commandId = cmdId();
  await refusedWithNothingStored(submit({ commandId, ...CONCERN, freeText: 'Bel zijn moeder op 06-12345678.' }), 422, 'INTAKE.IDENTIFIER_DETECTED');
  const fixed = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } });
  expect(fixed.status).toBe(201);
  expect(fixed.body.replayed).toBe(false);
});

test('identifiers in process-level text of later commands are refused the same way', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  const r = await refusedWithNothingStored(
    () =>
      t.call('POST', commandPath('decideSuspicion', caseId), {
        as: DEMO.voorzitter,
        body: { commandId: cmdId(), suspicion: true, rationale: 'Moeder belde vanaf 06-87654321 over haar zoon.' },
      }),
    422,
    'INTAKE.IDENTIFIER_DETECTED',
  );
  expect(r.text).not.toContain('06-87654321');
});

test('a body that is not JSON, broken JSON, an empty body or an array are refused', async () => {
  await refusedWithNothingStored(
    () => t.call('POST', '/api/v1/cases', { as: DEMO.mentor, rawBody: 'riskSignals=GELD', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    415,
    'HTTP.UNSUPPORTED_MEDIA_TYPE',
  );
  const broken = await refusedWithNothingStored(
    () => t.call('POST', '/api/v1/cases', { as: DEMO.mentor, rawBody: '{"freeText": "Jan Jansen', headers: { 'content-type': 'application/json' } }),
    400,
    'VALIDATION.INVALID_INPUT',
  );
  expect(broken.body.fields).toEqual([{ path: '', issue: 'INVALID_JSON' }]);
  expect(broken.text).not.toContain('Jansen');
  await refusedWithNothingStored(() => t.call('POST', '/api/v1/cases', { as: DEMO.mentor, rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'VALIDATION.INVALID_INPUT');
  await refusedWithNothingStored(submit([CONCERN]), 400, 'VALIDATION.INVALID_INPUT');
});

test('a missing or malformed commandId is refused', async () => {
  const { commandId: _c, ...withoutId } = { commandId: '', ...CONCERN };
  const missing = await refusedWithNothingStored(submit(withoutId), 400, 'VALIDATION.INVALID_INPUT');
  expect(missing.body.fields).toEqual([{ path: 'commandId', issue: 'invalid_type' }]);
  const malformed = await refusedWithNothingStored(submit({ ...CONCERN, commandId: 'spaces are not allowed' }), 400, 'VALIDATION.INVALID_INPUT');
  expect(malformed.body.fields).toEqual([{ path: 'commandId', issue: 'invalid_format' }]);
});

test('the same commandId with a different body is refused as COMMAND.ID_REUSED', async () => {
  const commandId = cmdId();
  expect((await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } })).status).toBe(201);
  await refusedWithNothingStored(submit({ commandId, ...CONCERN, ageYears: 16 }), 409, 'COMMAND.ID_REUSED');
});
