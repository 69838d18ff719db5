/**
 * Birth-date detection.
 *
 * Decisions (see also the README section in index.ts):
 * - A full date (day, month, year) in a Dutch format is refused when it is a valid calendar date
 *   with a year from 1990 up to the current year — it *can* be a young person's birth date. This
 *   also refuses incident dates such as "op 12-03-2024": a precise date narrows down a person too,
 *   and the reporter can write "begin maart" instead.
 * - With an explicit birth cue ("geboren", "geb.", "geboortedatum", "jarig", "verjaardag") the
 *   year range widens to 1900, and partial dates are refused as well: "geboren op 12 maart"
 *   (day + month, no year) and "geboren in 2009" (bare year).
 * - Without such a cue a bare year ("sinds 2023") or a day + month ("op 12 maart") passes.
 */
import { isExists } from 'date-fns';
import type { IdentifierHit } from './types';

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, febr: 2, maart: 3, mrt: 3, mar: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10,
  okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
// Longest first for readability; the order does not change a match: every use of MONTH_ALT is followed by a
// look-ahead refusing a letter (or by a required space), so on "sept" the engine backtracks past "sep".
// Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent — the alternation's order cannot change a match (above)
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const NUMERIC_DMY_RE = /(?<![\p{L}\p{N}.,/\-:])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[.,/\-:]\d)/gu;
const NUMERIC_YMD_RE = /(?<![\p{L}\p{N}.,/\-:])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[.,/\-:]\d)/gu;
const TEXTUAL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:e|ste|de)?\s{1,3}(${MONTH_ALT})\.?(?:,?\s{1,3}('\d{2}|\d{4}))?(?![\p{L}\p{N}])`,
  'giu',
);

const BIRTH_CUE_RE =
  /(?<![\p{L}])(?:geboren|geb\.|geb(?=\s*:)|geboortedatum|geboortedag|geboortejaar|geb\.?\s?datum|gebdatum|jarig|verjaardag|verjaart|dob)(?![\p{L}])/giu;
const AFTER_CUE_RE = new RegExp(
  String.raw`^[\s:\-–]{0,4}(?:(?:is|was|op|in|rond|omstreeks|ca\.?|circa|van|het\s+jaar|jaar|ergens\s+in|begin|eind)[\s:]{1,3}){0,3}` +
    String.raw`(?:(\d{1,2}[-/.]\d{1,2}(?:[-/.](?:\d{4}|\d{2}))?)|(\d{1,2}(?:e|ste|de)?\s{1,3}(?:${MONTH_ALT})\.?(?:,?\s{1,3}(?:'\d{2}|\d{4}))?)|((?:${MONTH_ALT})\.?\s{1,3}(?:'\d{2}|\d{4}))|('\d{2}|\d{4}))(?![\p{L}\p{N}])`,
  'iu',
);

function currentYear(): number {
  return new Date().getFullYear();
}

function expandYear(raw: string): number {
  const cleaned = raw.replace("'", '');
  if (cleaned.length === 4) return Number(cleaned);
  const yy = Number(cleaned);
  const cy = currentYear() % 100;
  return yy <= cy ? 2000 + yy : 1900 + yy;
}

function plausible(day: number, month: number, year: number, minYear: number): boolean {
  if (year < minYear || year > currentYear()) return false;
  return isExists(year, month - 1, day);
}

function* all(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) yield m;
}

export function findBirthDates(text: string): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  const push = (start: number, end: number): void => {
    out.push({ category: 'BIRTH_DATE', start, end });
  };

  for (const m of all(NUMERIC_DMY_RE, text)) {
    if (plausible(Number(m[1]), Number(m[3]), expandYear(m[4] as string), 1990)) push(m.index, m.index + m[0].length);
  }
  for (const m of all(NUMERIC_YMD_RE, text)) {
    if (plausible(Number(m[4]), Number(m[3]), Number(m[1]), 1990)) push(m.index, m.index + m[0].length);
  }
  for (const m of all(TEXTUAL_RE, text)) {
    if (m[3] === undefined) continue; // no year: only with a birth cue (below)
    const month = MONTHS[(m[2] as string).toLowerCase()] ?? 0;
    if (plausible(Number(m[1]), month, expandYear(m[3]), 1990)) push(m.index, m.index + m[0].length);
  }

  // Partial or older dates right after an explicit birth cue.
  for (const cue of all(BIRTH_CUE_RE, text)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 60);
    const m = AFTER_CUE_RE.exec(window);
    if (!m) continue;
    const found = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
    const start = from + m[0].length - found.length;
    // Stryker disable next-line BooleanLiteral: equivalent — every branch below sets ok (the day-month pattern `tm` is a looser form of AFTER_CUE_RE's second group, so it always matches `found`)
    let ok = false;
    if (m[1] !== undefined) {
      const parts = found.split(/[-/.]/);
      const day = Number(parts[0]);
      const month = Number(parts[1]);
      ok = parts[2] !== undefined ? plausible(day, month, expandYear(parts[2]), 1900) : isExists(2000, month - 1, day);
    } else if (m[2] !== undefined) {
      // Stryker disable next-line Regex: the anchors ^ and $ are equivalent (`found` is exactly what AFTER_CUE_RE's second group matched, and this looser pattern matches all of it); the line's \s+ → \s mutants are not, and fail "more than one space inside a date after a cue" (checked by hand)
      const tm = /^(\d{1,2})(?:e|ste|de)?\s+([\p{L}]+)\.?(?:,?\s+('?\d{2,4}))?$/u.exec(found);
      if (tm) {
        const month = MONTHS[(tm[2] as string).toLowerCase()] ?? 0;
        ok = tm[3] !== undefined ? plausible(Number(tm[1]), month, expandYear(tm[3]), 1900) : isExists(2000, month - 1, Number(tm[1]));
      }
    } else {
      // A month and year (m[3]) or a bare year (m[4]): the year is the last digit group.
      // Stryker disable next-line Regex,StringLiteral: equivalent — a month name has no digits, so the year is the only digit group and always there; the fallback is never used
      const year = expandYear((found.match(/'?\d{2,4}$/u) ?? ['0'])[0]);
      ok = year >= 1900 && year <= currentYear();
    }
    if (ok) push(start, start + found.length);
  }
  return out;
}
