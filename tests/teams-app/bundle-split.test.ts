/**
 * The side panel's first render waits only for what it shows first (issue 15): the tab's build is split
 * (teams-app/build.ts, esbuild code splitting), and its initial JS — the entry and the chunks it imports
 * statically, all fetched before anything runs — holds none of what the side panel shows later or never.
 * Read from the build's own metafile (which source module went into which output file) and the files
 * written; speed itself is measured by `npm run bench -- tab`, not here.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import type { BuiltPage } from '../../teams-app/build';
import { buildTab } from '../../teams-app/build';
import { tempDir } from '../server/support/harness';

/**
 * The budget of the initial JS, gzip (level 9, file by file). It was 115 KB after the split, with teams-js
 * (about 20 KB); since the side panel renders before the host has answered, teams-js loads beside that
 * render (teams-app/src/host/teams.ts) and the initial JS is about 91 KB: React and Fluent’s core (the blank
 * Fluent page of the benchmark is 60 KB), the strings and catalogue labels, the API client. Before the
 * split it was 176 KB. The budget leaves about 10 % for growth; a new component that needs more belongs in a lazy part
 * (teams-app/src/components/parts.ts), not in the first chunk.
 */
const INITIAL_GZIP_BUDGET_KB = 125;

/**
 * At most this many files of initial JS (the entry and the chunks it imports statically). Over HTTP/1.1 a
 * browser opens at most 6 connections per host (Chromium's limit per host and profile); the page itself,
 * the host's scripts and the side panel's first API calls need some of them too. With 10 initial files
 * (one chunk per combination of lazy parts sharing a module with the entry, esbuild's code splitting) the
 * files queued behind each other on a loaded server and the first render was slower in wall time than
 * with one file, though cheaper in CPU. The lazy parts are therefore grouped into few `import()` targets
 * (teams-app/src/components/parts.ts), which keeps the combinations — and the initial files — few.
 */
const MAX_INITIAL_FILES = 4;

/** What the side panel shows after its data arrives, only when asked, or never (other surfaces and hosts). */
const NOT_INITIAL_SOURCES = [
  'teams-app/src/components/Session.tsx',
  'teams-app/src/components/Agenda.tsx',
  'teams-app/src/components/AgendaItemCard.tsx',
  'teams-app/src/components/SuspicionForm.tsx',
  'teams-app/src/components/DiscussionForm.tsx',
  'teams-app/src/components/AgendaEditor.tsx',
  'teams-app/src/components/MinutesView.tsx',
  'teams-app/src/components/StageView.tsx',
  'teams-app/src/components/CaseFacts.tsx',
  'teams-app/src/components/ConfigPage.tsx',
  'teams-app/src/components/NoAccess.tsx',
  'teams-app/src/components/ProblemBar.tsx',
  'teams-app/src/Standalone.tsx',
  'src/demo/tenant.ts',
];
/** Fluent UI's heavier controls, none of which the loading state uses. */
const NOT_INITIAL_FLUENT = ['Dropdown', 'Panel', 'ChoiceGroup', 'Checkbox', 'TextField', 'Button', 'ContextualMenu', 'Callout', 'MessageBar'];

let outDir: string;
let page: BuiltPage;

beforeAll(async () => {
  outDir = tempDir('sjv-tab-split-');
  page = await buildTab(outDir);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The output file (relative to outDir) and everything it imports statically, walked here from the metafile. */
function staticClosure(meta: Metafile, file: string): string[] {
  const key = (f: string) => Object.keys(meta.outputs).find((o) => relative(outDir, resolve(o)) === f);
  const seen = new Set<string>();
  const stack = [key(file)!];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement') stack.push(i.path);
  }
  return [...seen].map((o) => relative(outDir, resolve(o)));
}

const sourcesOf = (meta: Metafile, files: string[]): string[] =>
  Object.entries(meta.outputs)
    .filter(([o]) => files.includes(relative(outDir, resolve(o))))
    .flatMap(([, v]) => Object.keys(v.inputs))
    // inputs are relative to the repository (jest's working directory); node_modules may resolve through a
    // symlink elsewhere: from node_modules/ on.
    .map((i) => i.replace(/^.*?node_modules\//, 'node_modules/'));

const fluentComponent = (source: string): string | undefined => /node_modules\/@fluentui\/react\/lib\/components\/([^/]+)\//.exec(source)?.[1];

test('the side panel’s initial JS holds none of the session, agenda, forms, minutes, stage, problem/no-access or standalone modules', () => {
  const initial = staticClosure(page.metafile, 'tab.js');
  const sources = sourcesOf(page.metafile, initial);
  expect(sources).toContain('teams-app/src/components/SidePanel.tsx');
  expect(NOT_INITIAL_SOURCES.filter((s) => sources.includes(s))).toEqual([]);
  // …and each of them is still built, in a chunk loaded by import()
  const lazySources = sourcesOf(
    page.metafile,
    Object.keys(page.metafile.outputs).map((o) => relative(outDir, resolve(o))).filter((o) => !initial.includes(o)),
  );
  expect(NOT_INITIAL_SOURCES.filter((s) => !lazySources.includes(s))).toEqual([]);
});

test('the side panel’s initial JS holds none of Fluent’s heavier controls (dropdown, panel, choice group, checkbox, text field, buttons and their menus, message bar)', () => {
  const initial = staticClosure(page.metafile, 'tab.js');
  const components = new Set(sourcesOf(page.metafile, initial).map(fluentComponent).filter((c): c is string => c !== undefined));
  expect(NOT_INITIAL_FLUENT.filter((c) => components.has(c))).toEqual([]);
  expect(components).toContain('Spinner'); // the loading state is in it
});

test('the side panel’s initial JS holds no teams-js: the side panel renders its loading state while teams-js loads beside it', () => {
  const initial = staticClosure(page.metafile, 'tab.js');
  expect(sourcesOf(page.metafile, initial).filter((s) => s.startsWith('node_modules/@microsoft/teams-js/'))).toEqual([]);
  // …and it is built, as a module of its own whose path the tab's code holds
  const sdk = readdirSync(join(outDir, 'chunks')).filter((f) => /^teams-sdk-[A-Z0-9]+\.js$/.test(f));
  expect(sdk).toHaveLength(1);
  expect(readFileSync(join(outDir, 'chunks', sdk[0]!), 'utf8')).toContain('getAuthToken');
  expect(readFileSync(join(outDir, 'tab.js'), 'utf8')).toContain(`chunks/${sdk[0]}`);
});

test(`the side panel’s initial JS is at most ${MAX_INITIAL_FILES} files, so that they load in parallel within HTTP/1.1’s 6 connections per host beside the page and its first API calls`, () => {
  const initial = staticClosure(page.metafile, 'tab.js');
  expect(initial).toContain('tab.js');
  expect(initial.length).toBeLessThanOrEqual(MAX_INITIAL_FILES);
});

test(`the side panel’s initial JS is at most ${INITIAL_GZIP_BUDGET_KB} KB gzip, and the page announces each of its files at once`, () => {
  const initial = staticClosure(page.metafile, 'tab.js');
  expect([...page.initial].sort()).toEqual([...initial].sort());
  const gzipKB = initial.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0) / 1024;
  expect(gzipKB).toBeLessThanOrEqual(INITIAL_GZIP_BUDGET_KB);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  expect(html).toContain('<script type="module" src="./tab.js"></script>');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)">/g)].map((m) => m[1]);
  expect(preloaded.sort()).toEqual(initial.filter((f) => f !== 'tab.js').sort());
});
