/**
 * The words users read for the core's codes have one source, packages/contract/src/vocabulary.ts (the
 * core re-exports it typed, src/core/vocabulary.ts). The tab, the bot, the minutes, the documents and the
 * SPFx web part (through the `@signaalpunt/contract` alias) import it; the tests below hold what each shows.
 * Any copy that differs, any new table of phase labels, and any UI text that says "referentie" (the users'
 * word is kenmerk) fails here.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { phaseLabel as botPhaseLabel, strings as botStrings } from '../../bot/app/i18n';
import { PHASES } from '../../src/core/model';
import { ACTION_STATUS_LABELS, DECISION_LABELS, LOCALES, PHASE_LABELS, REFERENCE_SEARCH, ROLE_LABELS, WHOLE_REFERENCE, formatReference } from '../../src/core/vocabulary';
import { PHASE_LABELS as DOCUMENT_PHASE_LABELS } from '../../src/transparency/labels';
import { STRINGS as WEB_PART_STRINGS } from '../../spfx/src/caseList/i18n';
import { STRINGS as TAB_STRINGS } from '../../teams-app/src/i18n';

const ROOT = resolve(__dirname, '..', '..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // signaalpuntContract: the build's git-ignored copy of packages/contract (spfx/tools/sync-contract.cjs)
    if (name === 'node_modules' || name === 'dist' || name === 'lib' || name === 'temp' || name === 'signaalpuntContract') return [];
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}
const SOURCE = /\.(ts|tsx|js|mjs|cjs|json)$/;
const rel = (path: string): string => relative(ROOT, path).split('\\').join('/');
const sources = (...dirs: string[]): string[] => dirs.flatMap((d) => files(join(ROOT, d), SOURCE));

describe('phase labels: one vocabulary', () => {
  test('the web part shows every phase with the words of the core, in nl-NL and en-US', () => {
    for (const locale of LOCALES) {
      const expected = Object.fromEntries(PHASES.map((p) => [p, PHASE_LABELS[p][locale]]));
      expect({ locale, labels: { ...WEB_PART_STRINGS[locale].phase } }).toEqual({ locale, labels: expected });
    }
  });

  test('the web part speaks exactly the core\'s locales', () => {
    expect(Object.keys(WEB_PART_STRINGS).sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(TAB_STRINGS).sort()).toEqual([...LOCALES].sort());
  });

  test('the tab shows every phase with the words of the core', () => {
    for (const locale of LOCALES) for (const p of PHASES) expect({ locale, p, label: TAB_STRINGS[locale].phases[p] }).toEqual({ locale, p, label: PHASE_LABELS[p][locale] });
  });

  test('the bot shows every phase with the words of the core and keeps no phase texts of its own', () => {
    for (const locale of LOCALES) {
      for (const p of PHASES) expect({ locale, p, label: botPhaseLabel(locale, p) }).toEqual({ locale, p, label: PHASE_LABELS[p][locale] });
      expect(Object.keys(botStrings(locale)).filter((k) => k.startsWith('phase.'))).toEqual([]);
    }
  });

  test('documents use the core\'s words (in English with the Dutch process word after an active phase)', () => {
    for (const p of PHASES) {
      expect(DOCUMENT_PHASE_LABELS[p].nl).toBe(PHASE_LABELS[p]['nl-NL']);
      expect(DOCUMENT_PHASE_LABELS[p].en.startsWith(PHASE_LABELS[p]['en-US'])).toBe(true);
    }
  });

  test('the web part names the roles in its audit trail with the core\'s words', () => {
    for (const locale of LOCALES) for (const [role, l] of Object.entries(ROLE_LABELS)) expect({ locale, role, label: WEB_PART_STRINGS[locale].roleName[role] }).toEqual({ locale, role, label: l[locale] });
  });

  test('PURGED reads the same everywhere: "Gegevens vernietigd" / "Data destroyed"', () => {
    expect(PHASE_LABELS.PURGED).toEqual({ 'nl-NL': 'Gegevens vernietigd', 'en-US': 'Data destroyed' });
  });

  test('no other file keeps a table of phase labels', () => {
    // a phase code keyed to a short text, plain or per language; the resident's page names the steps in its
    // own plain words on purpose (RESIDENT_STEP_LABELS).
    // src/demo/cases.ts maps a phase to the fictitious name of its demo case, not to a label.
    const allowed = new Set(['packages/contract/src/vocabulary.ts', 'src/transparency/resident-status.ts', 'src/demo/cases.ts']);
    const entry = /\b(INBRENG|VERRIJKING|BESPREKING|OPVOLGING|REFLECTIE|CLOSED|PURGED)\s*:\s*(\{\s*['"]?(nl|en|nl-NL|en-US)['"]?\s*:\s*)?['"][^'"]{1,40}['"]/;
    const jsonKey = /"phase\.(INBRENG|VERRIJKING|BESPREKING|OPVOLGING|REFLECTIE|CLOSED|PURGED)"\s*:/;
    const offenders = sources('packages/contract/src', 'src', 'bot', 'teams-app/src', 'spfx/src', 'resident')
      .filter((f) => !allowed.has(rel(f)))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return entry.test(text) || jsonKey.test(text);
      })
      .map(rel);
    expect(offenders).toEqual([]);
  });
});

test('no text users read says "referentie": the case\'s reference is its kenmerk', () => {
  const offenders = sources('teams-app/src', 'bot/i18n', 'bot/cards', 'spfx/src', 'src/transparency', 'src/core', 'resident')
    .filter((f) => /\breferentie\b/i.test(readFileSync(f, 'utf8')))
    .map(rel);
  expect(offenders).toEqual([]);
});

test('Locale is declared once, in the API contract, for every client: the web part imports it too', () => {
  const declares = /\btype\s+Locale\s*=/;
  const declaring = (dirs: string[]): string[] => sources(...dirs).filter((f) => declares.test(readFileSync(f, 'utf8'))).map(rel);
  expect(declaring(['packages/contract/src', 'src', 'bot', 'teams-app/src', 'resident', 'spfx/src'])).toEqual(['packages/contract/src/vocabulary.ts']);
});

test('the web part names the decisions of a case with the contract\'s words (ELIGIBILITY: "Past binnen het signaalpunt")', () => {
  expect(WEB_PART_STRINGS['nl-NL'].decisionKind.ELIGIBILITY).toBe('Past binnen het signaalpunt');
  expect(WEB_PART_STRINGS['en-US'].decisionKind.ENRICHMENT_CONCLUSION).toBe('Enrichment outcome');
  for (const locale of LOCALES) for (const [kind, l] of Object.entries(DECISION_LABELS)) expect({ locale, kind, label: WEB_PART_STRINGS[locale].decisionKind[kind] }).toEqual({ locale, kind, label: l[locale] });
});

test('the web part names a follow-up action\'s status with the contract\'s words', () => {
  for (const locale of LOCALES) for (const [status, l] of Object.entries(ACTION_STATUS_LABELS)) expect({ locale, status, label: WEB_PART_STRINGS[locale].statusValue[status] }).toEqual({ locale, status, label: l[locale] });
});

test('the tab and the web part say "loading", "try again" and "close" with the same words', () => {
  expect(TAB_STRINGS['nl-NL'].loading).toBe('Laden…');
  for (const locale of LOCALES)
    for (const key of ['loading', 'retry', 'close'] as const) expect({ locale, key, tab: TAB_STRINGS[locale][key] }).toEqual({ locale, key, tab: WEB_PART_STRINGS[locale][key] });
});

describe('the kenmerk: one shape', () => {
  test('a kenmerk the core numbers is whole (SJV-yyyy-nnnn, PROCESS.md) and searchable; a part is searchable, a name or a date is not', () => {
    expect(formatReference(2026, 42)).toBe('SJV-2026-0042');
    expect(formatReference(2026, 12345)).toBe('SJV-2026-12345');
    expect(WHOLE_REFERENCE.test('SJV-2026-0042')).toBe(true);
    expect(WHOLE_REFERENCE.test('SJV-2026-042')).toBe(false);
    expect(REFERENCE_SEARCH.test('SJV-2026-0042')).toBe(true);
    expect(REFERENCE_SEARCH.test('0042')).toBe(true);
    expect(REFERENCE_SEARCH.test('Jan Jansen')).toBe(false);
    expect(REFERENCE_SEARCH.test('01/02/2010')).toBe(false);
  });

  test('no other file writes the kenmerk\'s pattern', () => {
    const copies = sources('packages/contract/src', 'src', 'spfx/src', 'teams-app/src', 'bot')
      .filter((f) => !['packages/contract/src/vocabulary.ts'].includes(rel(f)))
      .filter((f) => /SJV-\\d\{4\}|\[A-Za-z0-9-\]\{2,20\}/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(copies).toEqual([]);
  });
});
