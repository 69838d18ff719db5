/**
 * Refusal lines on cards name fields by their label, in the card's language — never the raw path
 * (issue 16: "Veld known: is ongeldig").
 */
import { domainErrorLines, submitErrorLines } from '../../../../bot/app/routes/common';
import { DomainError } from '../../../../src/core/errors';

test('a refused enrichment answer names "Bekend bij uw organisatie", not "known" (nl) and "Known to your organisation" (en)', () => {
  const e = new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'known', issue: 'invalid_type' }] });
  const nl = domainErrorLines('nl-NL', e).join('\n');
  expect(nl).toContain('Veld Bekend bij uw organisatie: is ongeldig');
  expect(nl).not.toMatch(/Veld known/);
  const en = domainErrorLines('en-US', e).join('\n');
  expect(en).toContain('Field Known to your organisation');
});

test('a card submit that fails names the field by label, and an array position by its element label', () => {
  const lines = submitErrorLines('nl-NL', { code: 'CARD_INVALID', fields: [{ path: 'signals', issue: 'too_big' }] }).join('\n');
  expect(lines).toContain('Veld Signalen: is te lang of te groot');
  const follow = domainErrorLines('nl-NL', new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'actions.1.dueOn', issue: 'REQUIRED' }] })).join('\n');
  expect(follow).toContain('Veld Actie — datum: is verplicht');
});

test('a path no table knows is not echoed: the line says "een veld op deze kaart"', () => {
  const lines = domainErrorLines('nl-NL', new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'zzUnknownField', issue: 'type' }] })).join('\n');
  expect(lines).not.toContain('zzUnknownField');
  expect(lines).toContain('Een veld op deze kaart heeft een verkeerd type.');
});
