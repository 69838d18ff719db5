/** Texts of the bot: nl-NL first, en-US by the user's locale. Files in bot/i18n, one key set. */
import en from '../i18n/en-US.json';
import nl from '../i18n/nl-NL.json';
import { PHASE_LABELS } from '../../src/core/vocabulary';
import type { Locale } from './types';

export type StringKey = keyof typeof nl;
export type Strings = Record<StringKey, string>;

const TABLES: Record<Locale, Strings> = { 'nl-NL': nl, 'en-US': en satisfies Strings };

/** Teams sends e.g. `en-US`, `en-GB`, `nl-NL`, `nl-BE`: English for any en-*, Dutch otherwise. */
export function localeOf(raw: string | undefined): Locale {
  return raw && /^en\b/i.test(raw) ? 'en-US' : 'nl-NL';
}

export function strings(locale: Locale): Strings {
  return TABLES[locale];
}

/** A text with `{name}` placeholders filled in. */
export function t(locale: Locale, key: StringKey, params: Record<string, string | number> = {}): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Looks a dynamic key up (a phase, a category); falls back to the raw code. */
export function tKey(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return key in TABLES[locale] ? t(locale, key as StringKey, params) : key.slice(key.lastIndexOf('.') + 1);
}

// One formatter per locale, made once: constructing an Intl.DateTimeFormat loads the locale's data and took
// ≈ 0.5 ms of every card submit (the confirmation's recognition line; bench/bot.ts, issue 17).
const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  'nl-NL': new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  'en-US': new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
};
/** A phase as users read it: the core's vocabulary (src/core/vocabulary.ts); an unknown code renders as itself. */
export function phaseLabel(locale: Locale, phase: string): string {
  return (PHASE_LABELS as Partial<Record<string, Record<Locale, string>>>)[phase]?.[locale] ?? phase;
}

/** A date (yyyy-mm-dd or ISO timestamp) as the locale writes it, in the Dutch time zone. */
export function formatDate(locale: Locale, iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return DATE_FORMATS[locale].format(d);
}
