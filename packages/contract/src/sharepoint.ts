/**
 * The SharePoint column contract of the case list: the SJVCases list of the restricted site, its columns,
 * the columns a reader's case list reads, and the OData filter of the one rule for "overdue" (./days). The server's
 * SharePoint adapter provisions and writes the list from it (src/adapters/sharepoint/schema.ts,
 * case-items.ts, case-queries.ts); the web part reads it with PnP as the signed-in user
 * (spfx/src/caseList/pnpCaseList.ts). Plain data, ES5-safe.
 *
 * Dates are yyyy-mm-dd days of one calendar (UTC, src/core/calendar.ts) in Text columns, compared
 * lexicographically. Every column used in a $filter is indexed (the 5,000-item list view threshold).
 */

/** A column of a SharePoint list as provisioning creates it. */
export interface ColumnDef {
  readonly name: string;
  readonly type: 'Text' | 'Note' | 'Number';
  readonly indexed?: boolean;
  readonly unique?: boolean;
}

type Flags = { readonly indexed?: boolean; readonly unique?: boolean };
const text = <N extends string>(name: N, flags: Flags = {}) => ({ name, type: 'Text' as const, ...flags });
const note = <N extends string>(name: N) => ({ name, type: 'Note' as const });
const num = <N extends string>(name: N) => ({ name, type: 'Number' as const });
const INDEXED = { indexed: true } as const;
const UNIQUE = { indexed: true, unique: true } as const;

/**
 * SJVCases: a case's frame at process level (group A without actors) and the anonymous concern (group B).
 * Item permissions follow the policy table; identity and contact are never here.
 */
export const CASES_LIST = {
  title: 'SJVCases',
  columns: [
    text('CaseId', UNIQUE),
    text('Reference', UNIQUE),
    num('Version'),
    text('Phase', INDEXED),
    text('Status', INDEXED),
    text('InbrengerOrg', INDEXED),
    text('CreatedAt', INDEXED),
    text('PhaseSince'),
    text('InformingDue', INDEXED),
    text('EnrichmentDue', INDEXED),
    text('RetentionUntil', INDEXED),
    text('NextStep'),
    text('AgeBand'),
    text('RiskSignals'),
    text('Forms'),
    text('Urgency'),
    note('ConcernJson'),
    // the journalled transaction that wrote the item last (ADR 0007); SJVCaseFrames.TxId equal ⇔ complete.
    text('TxId'),
  ],
} as const satisfies { title: string; columns: readonly ColumnDef[] };

/** A column of SJVCases. */
export type CaseColumn = (typeof CASES_LIST.columns)[number]['name'];

/**
 * The columns of a case summary in a reader's case list (the web part reads them with PnP): process level
 * only — not the concern's text (ConcernJson), the retention date or the transaction id.
 */
export const CASE_SUMMARY_COLUMNS: readonly CaseColumn[] = [
  'CaseId',
  'Reference',
  'Version',
  'Phase',
  'Status',
  'InbrengerOrg',
  'CreatedAt',
  'PhaseSince',
  'InformingDue',
  'EnrichmentDue',
  'NextStep',
  'AgeBand',
  'RiskSignals',
  'Forms',
  'Urgency',
];

/** The deadline columns of a case: the informing deadline and the earliest open enrichment request's due day. */
export const DEADLINE_COLUMNS: readonly CaseColumn[] = ['InformingDue', 'EnrichmentDue'];

/** An OData text literal (a quote doubled). */
export function odataLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The OData filter for "a deadline of the case has passed" on the indexed deadline columns (the rule isPastDay of ./days). */
export function overdueFilter(today: string): string {
  return `(${DEADLINE_COLUMNS.map((c) => `(${c} ne null and ${c} lt ${odataLiteral(today)})`).join(' or ')})`;
}
