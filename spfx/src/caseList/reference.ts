/**
 * The kenmerk's shapes, as the core defines them (src/core/vocabulary.ts; the web part's toolchain cannot
 * import it yet — tests/architecture/vocabulary-drift.test.ts holds these copies to the core's).
 */
/** A whole kenmerk: SJV-yyyy-nnnn (four digits or more). */
export const WHOLE_REFERENCE = /^SJV-\d{4}-\d{4,}$/;
/** What the API accepts as a kenmerk search: 2–20 letters, digits and dashes (never a name or a date). */
export const REFERENCE_SEARCH = /^[A-Za-z0-9-]{2,20}$/;
