/** Configuration of the process that a municipality sets in its privacy protocol. */
import { z } from 'zod';
import type { RetentionConfig } from './retention';
import { DEFAULT_RETENTION } from './retention';

/**
 * The bounds a municipality's retention setting must stay within (the server's settings and the privacy
 * documents' `--retention` file are checked against it): short periods may be zero, the period after
 * Bespreking is at least a month, and nothing is kept for more than ten years.
 */
export const RETENTION_LIMITS = {
  closedInInbrengDays: { min: 0, max: 365 },
  closedInVerrijkingDays: { min: 0, max: 365 },
  closedAfterBesprekingMonths: { min: 1, max: 120 },
  maxYearsAfter23rdBirthday: { min: 0, max: 10 },
} as const satisfies Record<keyof RetentionConfig, { min: number; max: number }>;

const bounded = (k: keyof RetentionConfig) => z.number().int().min(RETENTION_LIMITS[k].min).max(RETENTION_LIMITS[k].max);
export const retentionConfigSchema = z.strictObject({
  closedInInbrengDays: bounded('closedInInbrengDays'),
  closedInVerrijkingDays: bounded('closedInVerrijkingDays'),
  closedAfterBesprekingMonths: bounded('closedAfterBesprekingMonths'),
  maxYearsAfter23rdBirthday: bounded('maxYearsAfter23rdBirthday'),
}) satisfies z.ZodType<RetentionConfig>;

export interface ProcessConfig {
  retention: RetentionConfig;
  /**
   * the resident is informed within this many months after identity capture (deferral at most until then).
   * Not a server setting: one month is the legal maximum (AVG art. 14(3)(a)); the stores index it too.
   */
  informingDeadlineMonths: number;
  /** advised route recorded automatically when eligibility ends a case. */
  eligibilityAdvice: { AGE_OVER_23: string; TOO_MANY_REGISTRATIONS: string };
  /** maximum age (inclusive) on the day of registration. */
  maxAge: number;
  /** the municipality's street names for the identifier guard (GuardOptions.streetNames); none by default. */
  streetNames?: readonly string[];
  /** about how many days an inbrenger waits for the signaaltafel's first weighing (told on the intake card). */
  triageDays: number;
  /**
   * the window for the duplicate hint at intake (issue 16, feature row 25): a concern from the same
   * organisation with an overlapping risk signal and the same age band brought in within this many days.
   */
  duplicateWindowDays: number;
}

export const DEFAULT_PROCESS_CONFIG: ProcessConfig = {
  retention: DEFAULT_RETENTION,
  informingDeadlineMonths: 1,
  eligibilityAdvice: { AGE_OVER_23: 'WIJKTEAM', TOO_MANY_REGISTRATIONS: 'PGA' },
  maxAge: 23,
  triageDays: 7,
  duplicateWindowDays: 14,
};
