/**
 * Support for the transparency tests: the real templates and organisation profile, services over the
 * world's real SQLite store, and a reader that opens a generated .docx (a zip) and returns its text.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { ProcessConfig } from '../../src/core/config';
import type { PolicyTable } from '../../src/core/policy';
import { AccessExportService } from '../../src/transparency/access-export';
import { transparencyDeps } from '../../src/transparency/deps';
import type { TransparencyDeps } from '../../src/transparency/deps';
import { LetterService, loadLetterTemplates } from '../../src/transparency/letters';
import { checkoutTemplatesDir } from '../../src/config';
import { loadOrganisationProfile } from '../../src/transparency/profile';
import type { OrganisationProfile } from '../../src/transparency/profile';
import { StatisticsService } from '../../src/transparency/statistics';
import type { World } from '../support/world';

export const TEMPLATES_DIR = checkoutTemplatesDir();
export const PROFILE: OrganisationProfile = loadOrganisationProfile(`${TEMPLATES_DIR}/organisation.json`);
export const TEMPLATES = loadLetterTemplates(TEMPLATES_DIR);

export interface Services {
  deps: TransparencyDeps;
  letters: LetterService;
  access: AccessExportService;
  stats: StatisticsService;
}

export function services(w: World, opts: { config?: Partial<ProcessConfig>; policy?: PolicyTable } = {}): Services {
  const deps = transparencyDeps({ store: w.store, clock: w.clock, profile: PROFILE, ...(opts.config ? { config: opts.config } : {}), ...(opts.policy ? { policy: opts.policy } : {}) });
  return { deps, letters: new LetterService(deps, TEMPLATES), access: new AccessExportService(deps), stats: new StatisticsService(deps) };
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraph texts of one part of a .docx (w:t runs joined; a w:br becomes a newline). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode(
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((t) => (t[0] === '<w:br/>' ? '\n' : (t[1] ?? '')))
        .join(''),
    ),
  );
}

export interface DocxContent {
  files: string[];
  /** paragraphs of the body. */
  body: string[];
  /** body text, paragraphs separated by newlines. */
  text: string;
  header: string;
  footer: string;
  /** raw XML of the body, for checks of structure (bullets, tables). */
  xml: string;
}

export function readDocx(data: Buffer): DocxContent {
  const zip = unzipSync(new Uint8Array(data));
  const part = (name: string): string => (zip[name] ? strFromU8(zip[name]!) : '');
  const xml = part('word/document.xml');
  const body = paragraphs(xml);
  const headers = Object.keys(zip).filter((f) => /^word\/header\d*\.xml$/.test(f));
  const footers = Object.keys(zip).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  return {
    files: Object.keys(zip),
    body,
    text: body.join('\n'),
    header: headers.flatMap((h) => paragraphs(part(h))).join('\n'),
    footer: footers.flatMap((f) => paragraphs(part(f))).join('\n'),
    xml,
  };
}
