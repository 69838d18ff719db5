/**
 * Reads a SharePoint Framework solution package (.sppkg, a zip) and checks what an app catalog needs:
 * AppManifest.xml of a client-side solution, at least one WebPart_<id>.xml whose component manifest names
 * itself, and the bundled ClientSideAssets (includeClientSideAssets), including each web part's entry
 * script. Also finds the packaged .sppkg files of spfx/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from './build';

export interface SppkgWebPart {
  file: string;
  id: string;
  alias: string;
  componentType: string;
  entryScript?: string;
}

export interface SppkgInfo {
  entries: string[];
  productId?: string;
  version?: string;
  webApiPermissionRequests: { resource: string; scope: string }[];
  webParts: SppkgWebPart[];
  assets: string[];
  problems: string[];
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

const attr = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
};

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function inspectSppkg(bytes: Buffer): SppkgInfo {
  const problems: string[] = [];
  let files: Map<string, Buffer>;
  try {
    files = readZip(bytes);
  } catch (e) {
    return { entries: [], webApiPermissionRequests: [], webParts: [], assets: [], problems: [`not a readable zip (${e instanceof Error ? e.message : String(e)})`] };
  }
  const entries = [...files.keys()].sort();
  const info: SppkgInfo = { entries, webApiPermissionRequests: [], webParts: [], assets: entries.filter((e) => e.startsWith('ClientSideAssets/')), problems };

  const app = files.get('AppManifest.xml')?.toString('utf8');
  if (!app) problems.push('AppManifest.xml is missing');
  else {
    const root = /<App\s[^>]*>/.exec(app)?.[0] ?? '';
    info.productId = attr(root, 'ProductID');
    info.version = attr(root, 'Version');
    if (!info.productId || !new RegExp(`^${GUID}$`).test(info.productId)) problems.push('AppManifest.xml has no ProductID GUID');
    if (attr(root, 'IsClientSideSolution') !== 'true') problems.push('AppManifest.xml is not a client-side solution (IsClientSideSolution="true")');
    for (const m of app.matchAll(/<WebApiPermissionRequest\s[^>]*>/g)) info.webApiPermissionRequests.push({ resource: attr(m[0], 'ResourceId') ?? '', scope: attr(m[0], 'Scope') ?? '' });
  }

  for (const file of entries.filter((e) => new RegExp(`(^|/)WebPart_${GUID}\\.xml$`).test(e))) {
    const xml = files.get(file)!.toString('utf8');
    const raw = attr(/<ClientSideComponent\s[^>]*>/.exec(xml)?.[0] ?? '', 'ComponentManifest');
    if (!raw) {
      problems.push(`${file} has no ComponentManifest`);
      continue;
    }
    let manifest: { id?: string; alias?: string; componentType?: string; loaderConfig?: { entryModuleId?: string; scriptResources?: Record<string, { path?: string }> } };
    try {
      manifest = JSON.parse(raw) as typeof manifest;
    } catch {
      problems.push(`${file}: its ComponentManifest is not JSON`);
      continue;
    }
    const idInName = new RegExp(`WebPart_(${GUID})\\.xml$`).exec(file)![1]!;
    if (manifest.id?.toLowerCase() !== idInName.toLowerCase()) problems.push(`${file}: component id ${manifest.id ?? '(none)'} is not the id in the file name`);
    if (manifest.componentType !== 'WebPart') problems.push(`${file}: componentType is ${manifest.componentType ?? '(none)'}, not WebPart`);
    const entry = manifest.loaderConfig?.entryModuleId;
    const entryScript = entry ? manifest.loaderConfig?.scriptResources?.[entry]?.path : undefined;
    if (!entryScript) problems.push(`${file}: no entry script in loaderConfig`);
    else if (!files.has(`ClientSideAssets/${entryScript}`)) problems.push(`${file}: entry script ${entryScript} is not in ClientSideAssets/`);
    info.webParts.push({ file, id: manifest.id ?? '', alias: manifest.alias ?? '', componentType: manifest.componentType ?? '', ...(entryScript ? { entryScript } : {}) });
  }
  if (info.webParts.length === 0) problems.push('no WebPart_<id>.xml: the package holds no web part');
  if (!info.assets.some((a) => a.endsWith('.js'))) problems.push('no ClientSideAssets/*.js: the bundle is not in the package (includeClientSideAssets)');
  return info;
}

export const SPFX_DIR = join(__dirname, '..', '..', 'spfx');
export const SPPKG_DIR = join(SPFX_DIR, 'sharepoint', 'solution');

/** The .sppkg files that `gulp package-solution` left in spfx/sharepoint/solution (full paths). */
export function findSppkgs(dir: string = SPPKG_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sppkg'))
    .sort()
    .map((f) => join(dir, f));
}
