/**
 * Builds the meeting tab with esbuild into static pages the server serves under /pages/:
 * index.html (side panel, stage, content tab, config page — chosen at run time), tab.js (the entry, an ES
 * module) and chunks/ (code split off: what the entry shares with the lazy parts, and the lazy parts — the
 * stage, the agenda and its forms, the minutes, the standalone page — loaded by `import()` when shown).
 * `npm run build:tab` (also before `npm start`); the benchmark and the browser tests call `buildTab`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildOptions, Metafile } from 'esbuild';
import { build } from 'esbuild';

export const TAB_ROOT = __dirname;

export interface BuiltPage {
  /** the entry's output file name, e.g. tab.js */
  script: string;
  /** the JS the page loads before it runs anything: the entry and the chunks it imports statically (paths relative to outDir). */
  initial: string[];
  /** bytes and gzip bytes (level 9, file by file) of the initial JS */
  bytes: number;
  gzipBytes: number;
  /** esbuild's metafile of the build: which source module went into which output file */
  metafile: Metafile;
  outDir: string;
}

/** The one set of esbuild options every page is built with (the tab, and the benchmark's blank page). */
export function pageBuildOptions(entry: string, outDir: string, name: string): BuildOptions {
  return {
    entryPoints: [{ in: entry, out: name }],
    outdir: outDir,
    bundle: true,
    // ES modules with code splitting: `import()` of a component becomes its own chunk, loaded when needed.
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    platform: 'browser',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fluent UI would load Segoe UI from Microsoft's CDN: no font files from elsewhere (Teams has the font).
    banner: { js: 'window.FabricConfig=Object.assign({fontBaseUrl:""},window.FabricConfig);' },
    tsconfig: join(TAB_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  };
}

/**
 * The output files a page loads before its entry runs: the entry and, transitively, the chunks it imports
 * statically (`import-statement`); chunks reached only by `import()` (`dynamic-import`) are left out.
 */
export function initialFiles(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entryOutput);
  return [...seen];
}

export function htmlPage(title: string, script: string, preload: string[] = []): string {
  // the chunks the entry imports are announced at once, so the browser fetches them beside the entry
  // instead of after parsing it.
  const links = preload.map((p) => `<link rel="modulepreload" href="./${p}">\n`).join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>html,body{margin:0;padding:0;min-height:100%;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}</style>
${links}</head>
<body>
<div id="root"></div>
<script type="module" src="./${script}"></script>
</body>
</html>
`;
}

/** Builds one page (entry → <name>.js + chunks/ + <name>.html) into outDir; `define`: constants for its code. */
export async function buildPage(entry: string, outDir: string, name: string, title: string, define: Record<string, string> = {}): Promise<BuiltPage> {
  mkdirSync(outDir, { recursive: true });
  const script = `${name}.js`;
  const options = pageBuildOptions(entry, outDir, name);
  const result = await build({ ...options, define: { ...options.define, ...define } });
  const metafile = result.metafile!;
  // metafile paths are relative to the working directory; the page's are relative to outDir.
  const entryOutput = Object.keys(metafile.outputs).find((o) => relative(outDir, resolve(o)) === script);
  if (!entryOutput) throw new Error(`build: ${script} not in the metafile`);
  const initial = initialFiles(metafile, entryOutput).map((o) => relative(outDir, resolve(o)).split('\\').join('/'));
  writeFileSync(join(outDir, `${name}.html`), htmlPage(title, script, initial.filter((f) => f !== script)));
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of initial) {
    const js = readFileSync(join(outDir, f));
    bytes += js.length;
    gzipBytes += gzipSync(js, { level: 9 }).length;
  }
  return { script, initial, bytes, gzipBytes, metafile, outDir };
}

/** The tab: index.html + tab.js + chunks/ (+ source maps). */
export async function buildTab(outDir: string = join(TAB_ROOT, 'dist')): Promise<BuiltPage> {
  // chunk names carry a content hash: the last build's chunks would otherwise pile up beside the new ones
  // (build other pages into the same directory after the tab, as the benchmark does).
  rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
  const sdk = await buildTeamsSdk(outDir);
  const page = await buildPage(join(TAB_ROOT, 'src', 'main.tsx'), outDir, 'tab', 'Signaaltafel', { TEAMS_SDK_PATH: JSON.stringify(sdk) });
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(outDir, 'tab.html')));
  return page;
}

/**
 * teams-js (what the tab uses of it, src/host/teams-sdk.ts) as a module of its own, built apart from the
 * tab: the side panel's first render does not need it, so src/host/teams.ts loads it by `import()` beside
 * that render. Built apart because in the tab's build its CommonJS dependencies would split esbuild's
 * shared helpers into one more file the entry imports statically. Returns its path relative to outDir
 * (chunks/teams-sdk-<hash>.js), which the tab's build writes into its code.
 */
async function buildTeamsSdk(outDir: string): Promise<string> {
  const options = pageBuildOptions(join(TAB_ROOT, 'src', 'host', 'teams-sdk.ts'), outDir, 'teams-sdk');
  const result = await build({ ...options, entryPoints: [join(TAB_ROOT, 'src', 'host', 'teams-sdk.ts')], splitting: false, entryNames: 'chunks/[name]-[hash]', banner: {} });
  const out = Object.keys(result.metafile!.outputs).find((o) => o.endsWith('.js'));
  if (!out) throw new Error('build: teams-sdk not in the metafile');
  return relative(outDir, resolve(out)).split('\\').join('/');
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(TAB_ROOT, 'dist'));
  buildTab(out)
    .then((p) =>
      console.log(
        `[build:tab] ${join(dirname(out), 'dist') === out ? 'teams-app/dist' : out}/${p.script}: initial JS ${p.initial.length} file(s), ${(p.bytes / 1024).toFixed(1)} KB, ${(p.gzipBytes / 1024).toFixed(1)} KB gzip`,
      ),
    )
    .catch((e: unknown) => {
      console.error('[build:tab] failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
