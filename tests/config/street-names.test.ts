/**
 * SJV_STREET_NAMES_FILE: the municipality's street names for the identifier guard, read by the
 * configuration (the core reads no files) and passed to the service, which refuses "<street> <number>".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { Signaalpunt } from '../../src/core/service';
import { CONCERN, U, makeWorld } from '../support/world';

const ROOT = join(__dirname, '../..');

test('unset: no street names', () => {
  expect(loadConfig({}, ROOT).process.streetNames).toEqual([]);
});

test('the shipped sample is read one name per line, comments and blank lines skipped, relative to the working directory', () => {
  const names = loadConfig({ SJV_STREET_NAMES_FILE: 'templates/streets.sample.txt' }, ROOT).process.streetNames;
  expect(names).toEqual(expect.arrayContaining(['Botter', 'Lange Voort', 'Achter de Kerk', 'Kempenaar']));
  expect(names.some((n) => n.startsWith('#') || n.trim() !== n || n === '')).toBe(false);
});

test('UTF-8 with a byte-order mark and CRLF line ends is read as names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-streets-'));
  writeFileSync(join(dir, 'streets.txt'), '\uFEFFBotter\r\nÉmile Zolaplein\r\n\r\n');
  expect(loadConfig({ SJV_STREET_NAMES_FILE: join(dir, 'streets.txt') }, ROOT).process.streetNames).toEqual(['Botter', 'Émile Zolaplein']);
});

test('a file that cannot be read stops the start with the variable named', () => {
  let error: unknown;
  try {
    loadConfig({ SJV_STREET_NAMES_FILE: '/nonexistent/streets.txt' }, ROOT);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems).toEqual([{ variable: 'SJV_STREET_NAMES_FILE', issue: 'the file cannot be read' }]);
});

test('the service guards with the configured names: "Botter 12" is refused with them and accepted without', async () => {
  const streetNames = loadConfig({ SJV_STREET_NAMES_FILE: 'templates/streets.sample.txt' }, ROOT).process.streetNames;
  const freeText = 'Veel loop van jongeren naar Botter 12, vooral in de avond.';
  const w = await makeWorld();
  try {
    const withList = new Signaalpunt(w.store, w.clock, { streetNames });
    const refused = await withList.execute('submitConcern', U.mentor, { commandId: '00000000-0000-4000-8000-00000000a001', ...CONCERN, freeText });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('INTAKE.IDENTIFIER_DETECTED');
    if (!refused.ok) expect(refused.error.details.fields).toEqual([{ path: 'freeText', issue: 'STREET_ADDRESS' }]);
    const accepted = await w.sp.execute('submitConcern', U.mentor, { commandId: '00000000-0000-4000-8000-00000000a002', ...CONCERN, freeText });
    expect(accepted.ok).toBe(true);
  } finally {
    w.close();
  }
});
