/** Shared helpers of the manifest tests: the real package of env "local", and ways to break a copy of it. */
import { assemblePackage } from '../../scripts/manifest/build';
import type { Image } from '../../scripts/manifest/png';
import { writePng } from '../../scripts/manifest/png';
import type { Problem } from '../../scripts/manifest/validate';

/** The package files as `npm run package` assembles them for env/.env.local (a fresh copy each call). */
export function localPackage(): Map<string, Buffer> {
  return assemblePackage({ env: 'local' });
}

export type Json = Record<string, unknown>;

export function manifestOf(files: ReadonlyMap<string, Buffer>): Json {
  return JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
}

/** A copy of the package whose manifest `change` has edited. */
export function withManifest(change: (m: Json) => void, files = localPackage()): Map<string, Buffer> {
  const m = manifestOf(files);
  change(m);
  files.set('manifest.json', Buffer.from(JSON.stringify(m, null, 2)));
  return files;
}

export function withJsonFile(name: string, change: (j: Json) => void, files = localPackage()): Map<string, Buffer> {
  const j = JSON.parse(files.get(name)!.toString('utf8')) as Json;
  change(j);
  files.set(name, Buffer.from(JSON.stringify(j, null, 2)));
  return files;
}

/** A PNG of the given size, every pixel `rgba`. */
export function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const img: Image = { width: size, height: size, data: Buffer.alloc(size * size * 4) };
  for (let i = 0; i < size * size; i++) img.data.set(rgba, i * 4);
  return writePng(img);
}

/** The problems of one rule (to assert that exactly that rule refused the package). */
export const ofRule = (problems: Problem[], rule: string): Problem[] => problems.filter((p) => p.rule === rule);
