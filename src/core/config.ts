/** Configuration of the process that a municipality sets in its privacy protocol. */
import type { RetentionConfig } from './retention';
import { DEFAULT_RETENTION } from './retention';

export interface ProcessConfig {
  retention: RetentionConfig;
  /** the resident is informed within this many months after identity capture (deferral at most until then). */
  informingDeadlineMonths: number;
  /** advised route recorded automatically when eligibility ends a case. */
  eligibilityAdvice: { AGE_OVER_23: string; TOO_MANY_REGISTRATIONS: string };
  /** maximum age (inclusive) on the day of registration. */
  maxAge: number;
}

export const DEFAULT_PROCESS_CONFIG: ProcessConfig = {
  retention: DEFAULT_RETENTION,
  informingDeadlineMonths: 1,
  eligibilityAdvice: { AGE_OVER_23: 'WIJKTEAM', TOO_MANY_REGISTRATIONS: 'PGA' },
  maxAge: 23,
};
