import { STRINGS, pickLocale } from '../src/caseList/i18n';
import { COMMAND_SPECS } from '../src/caseList/commandForms';

describe('strings', () => {
  test('English has every Dutch text, also inside the nested tables, and none is empty', () => {
    const nl = STRINGS['nl-NL'] as unknown as Record<string, unknown>;
    const en = STRINGS['en-US'] as unknown as Record<string, unknown>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl)) {
      if (typeof nl[key] === 'object') expect({ key, keys: Object.keys(en[key] as object).sort() }).toEqual({ key, keys: Object.keys(nl[key] as object).sort() });
      if (typeof nl[key] === 'string') expect((en[key] as string).length).toBeGreaterThan(0);
    }
  });

  test('every command of the table has a label, a confirmation text and labelled fields in both languages', () => {
    for (const locale of ['nl-NL', 'en-US'] as const) {
      const s = STRINGS[locale];
      for (const c of COMMAND_SPECS) {
        expect(s.command[c.name]).toBeTruthy();
        expect(s.confirmText[c.name]).toBeTruthy();
        for (const f of c.fields) expect(typeof s[f.label]).toBe('string');
      }
    }
  });

  test('Dutch is the default; English when the culture is English', () => {
    expect(pickLocale(undefined)).toBe('nl-NL');
    expect(pickLocale('nl-NL')).toBe('nl-NL');
    expect(pickLocale('de-DE')).toBe('nl-NL');
    expect(pickLocale('en-GB')).toBe('en-US');
  });
});
