/**
 * The local coordinator page (local mode only): the SPFx web part's own React components, bundled with
 * esbuild from spfx/ (spfx/tools/build-local-page.cjs) and run against this server's API with a local dev
 * token. In production the procesregisseur uses the web part in SharePoint instead.
 *
 *   GET /pages/coordinator/         the page
 *   GET /pages/coordinator/app.js   the bundle (built on first request, and again when its sources changed)
 *   GET /pages/transparency/        302 to the page's "Evaluatie en verantwoording" tab (?tab=dashboard): the
 *                                   web part's dashboard is the one accountability dashboard (issue 15)
 *
 * Under /pages/ like the other pages: not part of the API or its OpenAPI document.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

interface LocalPageBuilder {
  buildLocalPage(opts?: { name?: string }): Promise<{ outfile: string; bytes: number }>;
  isStale(name?: string): boolean;
  hasDependencies(): boolean;
}

export const COORDINATOR_PAGE_PATH = '/pages/coordinator/';
/** Where the earlier local dashboard page was: it leads to the coordinator page's dashboard tab. */
const TRANSPARENCY_PAGE_PATH = '/pages/transparency/';

/** The coordinator page opened on its dashboard tab, with the demo user and language of the link kept (`user`, `lang`). */
function dashboardUrl(query: unknown): string {
  const params = new URLSearchParams();
  const q = (query ?? {}) as Record<string, unknown>;
  for (const key of ['user', 'lang']) if (typeof q[key] === 'string') params.set(key, q[key] as string);
  params.set('tab', 'dashboard');
  return `${COORDINATOR_PAGE_PATH}?${params.toString()}`;
}

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Signaalpunt — procesregie (lokaal)</title>
<style>body{font-family:"Segoe UI","Segoe UI Web (West European)",system-ui,-apple-system,sans-serif;margin:0;padding:16px 24px;color:#201f1e;background:#fff}header p{margin:0 0 16px;color:#484644}</style>
</head>
<body>
<header>
<h1 style="font-size:24px;margin:0 0 4px">Signaalpunt Jeugd &amp; Veiligheid</h1>
<p>Lokale coördinatorpagina: dezelfde onderdelen als de SharePoint-webpart. / Local coordinator page: the same components as the SharePoint web part.</p>
</header>
<main id="root"></main>
<script src="${COORDINATOR_PAGE_PATH}app.js" defer></script>
</body>
</html>`;

const MISSING = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Signaalpunt — procesregie (lokaal)</title></head>
<body><main><h1>Signaalpunt — coördinatorpagina</h1>
<p>De SPFx-onderdelen zijn nog niet geïnstalleerd. Voer uit: <code>npm --prefix spfx ci</code></p>
<p>The SPFx package is not installed. Run: <code>npm --prefix spfx ci</code></p></main></body></html>`;

export function registerCoordinatorPage(app: FastifyInstance, opts: { spfxDir?: string } = {}): void {
  const spfxDir = opts.spfxDir ?? resolve(__dirname, '..', '..', '..', 'spfx');
  // reason: a CommonJS build script of the spfx/ package, outside this TypeScript project.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const builder = require(join(spfxDir, 'tools', 'build-local-page.cjs')) as LocalPageBuilder;
  let building: Promise<string> | undefined;
  const bundle = async (): Promise<string> => {
    if (!building || builder.isStale('coordinator')) {
      building = builder.buildLocalPage({ name: 'coordinator' }).then((r) => r.outfile);
      building.catch(() => (building = undefined));
    }
    return building;
  };

  app.get('/pages/coordinator', async (_req, reply) => reply.redirect(COORDINATOR_PAGE_PATH));
  app.get(TRANSPARENCY_PAGE_PATH, async (req, reply) => reply.redirect(dashboardUrl(req.query), 302));
  app.get(COORDINATOR_PAGE_PATH, async (_req, reply) => {
    if (!builder.hasDependencies()) return reply.code(503).type('text/html; charset=utf-8').send(MISSING);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(PAGE);
  });
  app.get(`${COORDINATOR_PAGE_PATH}app.js`, async (req, reply) => {
    if (!builder.hasDependencies()) return reply.code(503).type('text/plain; charset=utf-8').send('npm --prefix spfx ci');
    try {
      const file = await bundle();
      return reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(await readFile(file));
    } catch (e) {
      req.log.error({ err: { type: (e as Error).name, message: (e as Error).message } }, 'coordinator page build failed');
      return reply.code(500).type('text/plain; charset=utf-8').send('build failed');
    }
  });
}
