import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, SelectionMode, ConstrainMode } from '@fluentui/react/lib/DetailsList';
import type { IColumn } from '@fluentui/react/lib/DetailsList';
import { Link } from '@fluentui/react/lib/Link';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import type { Labels } from '../labels';
import type { CaseSummary } from '../dataSource';
import type { CommandName } from '../commandForms';

export interface SortState {
  key: SortKey;
  descending: boolean;
}
export type SortKey = 'reference' | 'phase' | 'status' | 'organisation' | 'ageBand' | 'daysInPhase' | 'nextStep' | 'overdue';

export interface CaseTableProps {
  items: CaseSummary[];
  labels: Labels;
  sort: SortState | undefined;
  onSort(key: SortKey): void;
  onOpen(caseId: string): void;
  /** the command of a row's next step when the user may take it (then "Volgende stap" is a primary button). */
  stepFor?: (item: CaseSummary) => CommandName | undefined;
  /** opens the case with the next step's dialog. */
  onStep?: (caseId: string, command: CommandName) => void;
}

const referenceId = (item: CaseSummary): string => `sjv-ref-${item.id}`;

/** WCAG 2.2 target size (2.5.8): at least 24 px high; long step names wrap inside the column. */
const STEP_BUTTON = {
  root: { minHeight: 24, height: 'auto', padding: '2px 8px', minWidth: 0, maxWidth: '100%' },
  flexContainer: { minWidth: 0 },
  textContainer: { minWidth: 0 },
  label: { margin: 0, whiteSpace: 'normal', textAlign: 'left' as const, lineHeight: '18px' },
};

const PHASE_ORDER = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'];

/** The value a column sorts by. */
export function sortValue(item: CaseSummary, key: SortKey, labels: Labels): string | number {
  switch (key) {
    case 'reference':
      return item.reference;
    case 'phase':
      return PHASE_ORDER.indexOf(item.phase);
    case 'status':
      return item.status;
    case 'organisation':
      return labels.organisation(item.inbrengerOrganisationId);
    case 'ageBand':
      return item.ageBand || '';
    case 'daysInPhase':
      return item.daysInPhase;
    case 'nextStep':
      return labels.s.nextStep[item.nextStep] || item.nextStep;
    case 'overdue':
      return (item.overdue.informing ? 2 : 0) + (item.overdue.enrichment ? 1 : 0);
  }
}

/**
 * The work order when no column is chosen: open before closed; new concerns (Inbreng) first, urgent ones
 * ahead, then the other phases in process order; within each, the longest waiting first. Sorts the page
 * the server returned.
 */
export function triageOrder(items: CaseSummary[]): CaseSummary[] {
  const bucket = (c: CaseSummary): number => (c.status === 'closed' ? 100 : c.phase === 'INBRENG' ? (c.urgency === 'high' ? 0 : 1) : 2 + PHASE_ORDER.indexOf(c.phase));
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => bucket(a.item) - bucket(b.item) || b.item.daysInPhase - a.item.daysInPhase || a.i - b.i)
    .map((x) => x.item);
}

export function sortItems(items: CaseSummary[], sort: SortState | undefined, labels: Labels): CaseSummary[] {
  if (!sort) return triageOrder(items);
  const indexed = items.map((item, i) => ({ item, i }));
  indexed.sort((a, b) => {
    const x = sortValue(a.item, sort.key, labels);
    const y = sortValue(b.item, sort.key, labels);
    const c = x < y ? -1 : x > y ? 1 : a.i - b.i;
    return sort.descending && x !== y ? -c : c;
  });
  return indexed.map((x) => x.item);
}

const badge: React.CSSProperties = {
  display: 'inline-block',
  padding: '0 6px',
  marginRight: 4,
  borderRadius: 2,
  fontWeight: 600,
};

export function OverdueFlags(props: { item: CaseSummary; labels: Labels }): React.ReactElement {
  const { item, labels } = props;
  const flags: string[] = [];
  if (item.overdue.informing) flags.push(labels.s.overdueInforming);
  if (item.overdue.enrichment) flags.push(labels.s.overdueEnrichment);
  if (flags.length === 0) return <span>{labels.s.onTime}</span>;
  return (
    <span>
      {flags.map((f) => (
        <span key={f} style={{ ...badge, background: '#a4262c', color: '#ffffff' }} data-overdue="true">
          {f}
        </span>
      ))}
    </span>
  );
}

/** Below this width (px) of its column the table shows kenmerk (with urgency and overdue flags), phase and next step only. */
export const NARROW_WIDTH = 640;
const NARROW_COLUMNS = ['reference', 'phase', 'nextStep'];

/** The width of an element, followed as it changes (ResizeObserver where the browser has it, else window resizes). */
function useWidth(ref: React.RefObject<HTMLElement>): number | undefined {
  const [width, setWidth] = React.useState<number | undefined>(undefined);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = (): void => setWidth(el.clientWidth || undefined);
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      return () => observer.disconnect();
    }
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return width;
}

export function CaseTable(props: CaseTableProps): React.ReactElement {
  const { items, labels, sort, onSort, onOpen, stepFor, onStep } = props;
  const s = labels.s;
  const box = React.useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const narrow = width !== undefined && width < NARROW_WIDTH;
  const column = (key: SortKey, name: string, minWidth: number, onRender: (item: CaseSummary) => React.ReactNode, maxWidth?: number): IColumn => ({
    key,
    name,
    fieldName: key,
    minWidth,
    ...(maxWidth ? { maxWidth } : {}),
    isResizable: true,
    isSorted: sort !== undefined && sort.key === key,
    isSortedDescending: sort !== undefined && sort.key === key && sort.descending,
    sortAscendingAriaLabel: s.sortedAscending,
    sortDescendingAriaLabel: s.sortedDescending,
    onColumnClick: () => onSort(key),
    onRender,
  });
  const columns: IColumn[] = [
    column(
      'reference',
      s.colReference,
      110,
      (item) => (
        <>
          <Link id={referenceId(item)} onClick={() => onOpen(item.id)} data-case-id={item.id}>
            {item.reference}
          </Link>
          {item.urgency === 'high' && item.status === 'open' ? (
            <span style={{ ...badge, marginLeft: 6, background: '#8a3707', color: '#ffffff' }} data-urgent="true" title={labels.code('urgency', 'high')}>
              {s.urgent}
            </span>
          ) : null}
          {narrow && (item.overdue.informing || item.overdue.enrichment) ? (
            <div>
              <OverdueFlags item={item} labels={labels} />
            </div>
          ) : null}
        </>
      ),
      narrow ? undefined : 170,
    ),
    column('phase', s.colPhase, 90, (item) => labels.phase(item.phase)),
    column('status', s.colStatus, 60, (item) => (item.status === 'open' ? s.statusOpen : s.statusClosed), 80),
    column('organisation', s.colOrganisation, 120, (item) => labels.organisation(item.inbrengerOrganisationId)),
    column('ageBand', s.colAgeBand, 70, (item) => (item.ageBand ? labels.code('ageBands', item.ageBand) : s.none), 100),
    {
      key: 'signals',
      name: s.colSignals,
      minWidth: 160,
      isResizable: true,
      isMultiline: true,
      onRender: (item: CaseSummary) => (item.riskSignals && item.riskSignals.length ? item.riskSignals.map((c) => labels.code('riskSignals', c)).join(', ') : s.none),
    },
    column('daysInPhase', s.colDaysInPhase, 60, (item) => String(item.daysInPhase), 90),
    column('nextStep', s.colNextStep, 140, (item) => {
      const text = s.nextStep[item.nextStep] || item.nextStep;
      const command = stepFor && onStep && item.status === 'open' ? stepFor(item) : undefined;
      if (!command || !onStep) return text;
      // named by the step, described by the row's kenmerk: a search for the kenmerk finds the case's link only
      return <PrimaryButton text={text} aria-describedby={referenceId(item)} styles={STEP_BUTTON} data-step-case={item.id} onClick={() => onStep(item.id, command)} />;
    }),
    column('overdue', s.colOverdue, 150, (item) => <OverdueFlags item={item} labels={labels} />),
  ];
  const shown = narrow
    ? columns
        .filter((c) => NARROW_COLUMNS.indexOf(c.key) >= 0)
        .map((c) => ({ ...c, minWidth: c.key === 'reference' ? 100 : c.key === 'phase' ? 70 : 120, isMultiline: true }))
    : columns;
  return (
    <div ref={box} data-testid="case-table" data-narrow={narrow ? 'true' : 'false'} style={{ maxWidth: '100%' }}>
      <DetailsList
        items={items}
        columns={shown}
        getKey={(item: CaseSummary) => item.id}
        setKey="cases"
        selectionMode={SelectionMode.none}
        layoutMode={DetailsListLayoutMode.justified}
        constrainMode={ConstrainMode.unconstrained}
        onItemInvoked={(item: CaseSummary) => onOpen(item.id)}
        ariaLabelForGrid={s.appTitle}
        compact={true}
      />
    </div>
  );
}
