/**
 * Formatting of dates and durations for residents' letters and generated documents, in nl and en.
 * Dates in letters are calendar days in the Netherlands (Europe/Amsterdam), whatever the server's zone.
 */
import { format, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { Locale } from '../core/vocabulary';
import { dutchDayOf } from '../../packages/contract/src/days';

/**
 * The language of a letter, document or statistics report, as its API takes it (`nl`, `en`). Not the UI's
 * Locale (src/core/vocabulary.ts): the two parameters differ until the API takes one (issue 15).
 */
export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
/** The UI locale of each document language (for the catalogue's labels and the vocabulary). */
export const CATALOGUE_LOCALE: Record<Language, Locale> = { nl: 'nl-NL', en: 'en-US' };


const dayCache = new Map<string, string>();

/** The calendar day (yyyy-mm-dd) in the Netherlands of an ISO timestamp; a bare date is returned as is. */
export function localDay(iso: string): string {
  if (iso.length === 10) return iso;
  // Dutch offsets are whole hours, so the UTC hour decides the local day: cache per UTC hour.
  const key = /^\d{4}-\d{2}-\d{2}T\d{2}:[^]*Z$/.test(iso) ? iso.slice(0, 13) : iso;
  let day = dayCache.get(key);
  if (day === undefined) {
    day = dutchDayOf(iso);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

export { daysBetweenDays } from '../core/calendar';

/** "2 maart 2026" / "2 March 2026". */
export function formatDate(iso: string, locale: Language): string {
  return format(parseISO(localDay(iso)), 'd MMMM yyyy', { locale: locale === 'nl' ? nl : enGB });
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A number of days as people say it: whole weeks as weeks ("4 weken"), else days ("90 dagen"). */
export function formatDays(days: number, locale: Language): string {
  if (days > 0 && days % 7 === 0) return locale === 'nl' ? plural(days / 7, 'week', 'weken') : plural(days / 7, 'week', 'weeks');
  return locale === 'nl' ? plural(days, 'dag', 'dagen') : plural(days, 'day', 'days');
}

export function formatMonths(months: number, locale: Language): string {
  return locale === 'nl' ? plural(months, 'maand', 'maanden') : plural(months, 'month', 'months');
}

/** Whole years between a date of birth and a day (both ISO dates). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hour12: false });

/** "2 maart 2026, 10:00" in Dutch time; a bare date is formatted as a date. */
export function formatDateTime(iso: string, locale: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso, locale);
  return `${formatDate(iso, locale)}, ${AMSTERDAM_TIME.format(new Date(iso))}`;
}
