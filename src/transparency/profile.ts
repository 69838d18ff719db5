/**
 * The organisation profile: who the controller is, how residents reach it, its logo and the legal basis
 * its privacy protocol names. Set by the municipality in `templates/organisation.json` (or a file named
 * by configuration), validated at start; letters, the access export and the privacy documents read it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { z } from 'zod';

const text = z.string().trim().min(1).max(500);
const bilingual = z.strictObject({ nl: text, en: text });

export const organisationProfileSchema = z.strictObject({
  /** the controller, e.g. "Gemeente Lelystad". */
  name: text,
  /** the unit that runs the signaalpunt, e.g. "Signaalpunt Jeugd & Veiligheid". */
  unit: text,
  postalAddress: z.array(text).min(1).max(6),
  phone: text,
  email: z.email(),
  website: text.optional(),
  /** PNG or JPEG, relative to the profile file. */
  logo: text.optional(),
  /**
   * who signs letters: a named person (optional) and a function. Without it letters are signed by the
   * team ("Team Signaalpunt Jeugd & Veiligheid"), never by a bare function title.
   */
  signatory: z.strictObject({ name: text.optional(), role: bilingual.optional() }).optional(),
  privacyOfficer: z.strictObject({ name: text.optional(), email: z.email(), phone: text.optional() }),
  /** legal basis as the privacy protocol words it; quoted in letters, the register and the access export. */
  legalBasis: bilingual,
  /** processors (verwerkers) named in the register, e.g. the cloud provider. */
  processors: z.array(z.strictObject({ name: text, service: text })).max(20).default([]),
  /** transfers outside the EEA, as the register must state them; empty: none. */
  thirdCountryTransfers: z.array(text).max(10).default([]),
});
export interface OrganisationProfile extends z.output<typeof organisationProfileSchema> {
  /** the logo's bytes and type, loaded from `logo`. */
  logoImage?: { data: Buffer; type: 'png' | 'jpg' };
}

export class ProfileError extends Error {
  constructor(readonly issues: string[]) {
    super(`organisation profile invalid: ${issues.join('; ')}`);
    this.name = 'ProfileError';
  }
}

/** Validates a profile object; a logo path is resolved against `baseDir`. Throws ProfileError with field paths. */
export function parseOrganisationProfile(input: unknown, baseDir: string): OrganisationProfile {
  const parsed = organisationProfileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`));
  const profile: OrganisationProfile = { ...parsed.data };
  if (parsed.data.logo) {
    const file = isAbsolute(parsed.data.logo) ? parsed.data.logo : join(baseDir, parsed.data.logo);
    const ext = extname(file).toLowerCase();
    if (!['.png', '.jpg', '.jpeg'].includes(ext)) throw new ProfileError(['logo: must be a .png or .jpg file']);
    if (!existsSync(file)) throw new ProfileError([`logo: file not found (${parsed.data.logo})`]);
    profile.logoImage = { data: readFileSync(file), type: ext === '.png' ? 'png' : 'jpg' };
  }
  return profile;
}

export function loadOrganisationProfile(file: string): OrganisationProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProfileError([`${file}: ${(e as Error).message}`]);
  }
  return parseOrganisationProfile(raw, dirname(file));
}
