/**
 * Builds the meeting tab with esbuild into static pages the server serves under /pages/:
 * index.html (side panel, stage, content tab, config page — chosen at run time) and tab.js.
 * `npm run build:tab` (also before `npm start`); the benchmark and the browser tests call `buildTab`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildOptions } from 'esbuild';
import { build } from 'esbuild';

export const TAB_ROOT = __dirname;

export interface BuiltPage {
  /** the entry's output file name, e.g. tab.js */
  script: string;
  bytes: number;
  gzipBytes: number;
}

/** The one set of esbuild options every page is built with (the tab, and the benchmark's blank page). */
export function pageBuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    sourcemap: 'linked',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fluent UI would load Segoe UI from Microsoft's CDN: no font files from elsewhere (Teams has the font).
    banner: { js: 'window.FabricConfig=Object.assign({fontBaseUrl:""},window.FabricConfig);' },
    tsconfig: join(TAB_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  };
}

export function htmlPage(title: string, script: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>html,body{margin:0;padding:0;min-height:100%;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}</style>
</head>
<body>
<div id="root"></div>
<script src="./${script}"></script>
</body>
</html>
`;
}

/** Builds one page (entry → <name>.js + <name>.html) into outDir. */
export async function buildPage(entry: string, outDir: string, name: string, title: string): Promise<BuiltPage> {
  mkdirSync(outDir, { recursive: true });
  const script = `${name}.js`;
  await build(pageBuildOptions(entry, join(outDir, script)));
  writeFileSync(join(outDir, `${name}.html`), htmlPage(title, script));
  const js = readFileSync(join(outDir, script));
  return { script, bytes: js.length, gzipBytes: gzipSync(js, { level: 9 }).length };
}

/** The tab: index.html + tab.js (+ its source map). */
export async function buildTab(outDir: string = join(TAB_ROOT, 'dist')): Promise<BuiltPage> {
  const page = await buildPage(join(TAB_ROOT, 'src', 'main.tsx'), outDir, 'tab', 'Signaaltafel');
  copyFileSync(join(outDir, 'tab.html'), join(outDir, 'index.html'));
  return page;
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(TAB_ROOT, 'dist'));
  buildTab(out)
    .then((p) => console.log(`[build:tab] ${join(dirname(out), 'dist') === out ? 'teams-app/dist' : out}/${p.script}: ${(p.bytes / 1024).toFixed(1)} KB, ${(p.gzipBytes / 1024).toFixed(1)} KB gzip`))
    .catch((e: unknown) => {
      console.error('[build:tab] failed:', e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
