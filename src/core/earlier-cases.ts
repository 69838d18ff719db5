/**
 * The re-registration check (issue 16): whether the young person of a case in Verrijking had an earlier
 * signaalpunt case. The seed's eligibility rule ("0–2 registrations" and one regular route) depends on it.
 * It compares identity (group C) and answers at process level only — kenmerk, phase, closed on — never a
 * name, a date of birth or any other content of the earlier case. It compares only against cases whose
 * identity the asking user may read under the policy table, so a case whose identity is destroyed (PURGED)
 * is never found: that is the retention rule doing its work, not a gap.
 */
import type { CaseRecord, IdentityGroup, Phase } from './model';

export interface EarlierCase {
  reference: string;
  phase: Phase;
  /** the day the earlier case was closed, or null while it runs. */
  closedOn: string | null;
}

/** The purpose written into the audit rows of a check (no personal data). */
export const EARLIER_CASES_PURPOSE = 'herregistratiecheck: eerdere signaalpuntcasussen (naam + geboortedatum)';

/**
 * A name and date of birth as one comparable key: letters without accents, lower case, single spaces,
 * apostrophes and hyphens as spaces — "Jan-Willem de Vriës" and "jan willem  de vries" are the same; no
 * fuzzy matching beyond that (a near miss is for the procesregisseur's own judgement, not the tool's).
 */
export function identityKey(identity: IdentityGroup): string {
  const name = identity.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .join(' ');
  return `${name}|${identity.dateOfBirth}`;
}

/** What the answer may say of a matching earlier case: process level only (allow-list). */
export function earlierCase(record: CaseRecord): EarlierCase {
  return { reference: record.frame.reference, phase: record.frame.phase, closedOn: record.frame.closedAt ? record.frame.closedAt.slice(0, 10) : null };
}
