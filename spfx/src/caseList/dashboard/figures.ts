/**
 * Published figures as text: counts keep their marker ("<5", "x"), numbers and percentages in the user's
 * locale, and a figure that cannot be shown is "—" (the legend under the statistics explains all three).
 */
import type { Count, Share } from '../accountability';
import type { Locale } from '../i18n';

export const NOT_SHOWN = '—';

export function showCount(c: Count): string {
  return typeof c === 'number' ? String(c) : c;
}

export function showNumber(n: number | null, locale: Locale): string {
  return typeof n === 'number' ? n.toLocaleString(locale) : NOT_SHOWN;
}

export function showPct(share: Share, locale: Locale): string {
  return typeof share.pct === 'number' ? `${share.pct.toLocaleString(locale)}%` : NOT_SHOWN;
}

/** "2026-03" → "maart 2026" / "March 2026". */
export function monthLabel(month: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return d.toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
