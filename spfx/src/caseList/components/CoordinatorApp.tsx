/**
 * The procesregisseur's case list: filters, a sortable, paged, virtualised table, and a detail panel with the
 * caller's policy view, phase commands and the audit trail. Everything comes through one narrow data source,
 * so the same component runs in the SharePoint web part and on the local page.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import type { CoordinatorDataSource } from '../dataSource';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import type { Strings } from '../i18n';
import { makeLabels } from '../labels';
import type { CaseSummary, Catalogue, ListFilter, Partner } from '../dataSource';
import type { CommandName } from '../commandForms';
import { nextStepCommand } from '../commandForms';
import { CaseDetailPanel, problemText } from './CaseDetailPanel';
import type { FilterState } from './CaseFilters';
import { CaseFilters, DEFAULT_FILTER } from './CaseFilters';
import type { SortKey, SortState } from './CaseTable';
import { CaseTable, sortItems } from './CaseTable';

export interface CoordinatorAppProps {
  source: CoordinatorDataSource;
  locale: Locale;
  pageSize?: number;
  /** called once the first page of cases is on screen (benchmarks). */
  onFirstRender?: (rows: number) => void;
  newCommandId?: () => string;
  /** the user's roles when the caller already read them (/api/v1/me); else the app reads them itself. */
  roles?: string[];
  /** sections shown above the list that may open a case (the procesregisseur's resident requests). */
  aboveList?: (openCase: (caseId: string) => void) => React.ReactNode;
}

/** What an empty list says: nothing at all yet, no open cases (the default view), or nothing for these filters. */
export function emptyText(f: FilterState, s: Strings): string {
  const others = f.phases.length > 0 || f.organisationId !== undefined || f.overdue || Boolean(f.reference);
  if (others || f.status === 'closed') return s.noCases;
  return f.status === 'open' ? s.noOpenCases : s.noCasesYet;
}

export function toListFilter(f: FilterState, pageSize: number, page: number): ListFilter {
  return {
    limit: pageSize,
    offset: page * pageSize,
    ...(f.phases.length ? { phases: f.phases } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.reference ? { reference: f.reference } : {}),
  };
}

export function CoordinatorApp(props: CoordinatorAppProps): React.ReactElement {
  const { source, locale, onFirstRender } = props;
  const pageSize = props.pageSize || 50;
  const s = stringsFor(locale);
  const [catalogue, setCatalogue] = React.useState<Catalogue>({});
  const [partners, setPartners] = React.useState<Partner[]>([]);
  const [roles, setRoles] = React.useState<string[]>([]);
  const [filter, setFilter] = React.useState<FilterState>(DEFAULT_FILTER);
  const [page, setPage] = React.useState(0);
  const [sort, setSort] = React.useState<SortState | undefined>(undefined);
  const [data, setData] = React.useState<{ items: CaseSummary[]; total: number } | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [openCase, setOpenCase] = React.useState<string | undefined>(undefined);
  // the command to open with the case: set by the list's next-step button, cleared by opening a case otherwise
  const [startCommand, setStartCommand] = React.useState<CommandName | undefined>(undefined);
  const open = (caseId: string | undefined, command?: CommandName): void => {
    setStartCommand(command);
    setOpenCase(caseId);
  };
  const [reload, setReload] = React.useState(0);
  const reported = React.useRef(false);
  const labels = React.useMemo(() => makeLabels(locale, s, catalogue, partners), [locale, catalogue, partners]);

  React.useEffect(() => {
    let live = true;
    const known = props.roles;
    Promise.all([source.catalogue(), source.partners(), known ? Promise.resolve(known) : source.me().then((me) => me.user.roles)]).then(
      ([c, p, r]) => {
        if (!live) return;
        setCatalogue(c);
        setPartners(p);
        setRoles(r);
      },
      (e: unknown) => live && setError(problemText(e, makeLabels(locale, s, {}, []))),
    );
    return () => {
      live = false;
    };
  }, [source]);

  React.useEffect(() => {
    let live = true;
    setError(undefined);
    source.listCases(toListFilter(filter, pageSize, page)).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(problemText(e, makeLabels(locale, s, {}, []))),
    );
    return () => {
      live = false;
    };
  }, [source, filter, page, pageSize, reload]);

  React.useEffect(() => {
    if (data && !reported.current && onFirstRender) {
      reported.current = true;
      onFirstRender(data.items.length);
    }
  }, [data]);

  const openSummary = data && openCase ? data.items.filter((c) => c.id === openCase)[0] : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const rows = data ? sortItems(data.items, sort, labels) : [];
  const onSort = (key: SortKey): void => setSort((cur) => (cur && cur.key === key ? { key, descending: !cur.descending } : { key, descending: false }));
  return (
    <div className="sjv-coordinator" lang={locale === 'en-US' ? 'en' : 'nl'}>
      {props.aboveList ? props.aboveList((caseId) => open(caseId)) : null}
      <h2 style={{ margin: '0 0 12px', fontSize: 20 }}>{s.appTitle}</h2>
      <CaseFilters
        filter={filter}
        partners={partners}
        labels={labels}
        onChange={(f) => {
          setFilter(f);
          setPage(0);
        }}
      />
      <p role="status" aria-live="polite" style={{ margin: '8px 0' }} data-testid="case-count">
        {data ? s.casesCount(data.total) : error ? '' : s.loading}
      </p>
      {error ? (
        <MessageBar messageBarType={MessageBarType.error} actions={<DefaultButton text={s.retry} onClick={() => setReload((r) => r + 1)} />}>
          {error}
        </MessageBar>
      ) : null}
      {!data && !error ? <Spinner label={s.loading} /> : null}
      {data && data.items.length === 0 ? <p>{emptyText(filter, s)}</p> : null}
      {data && data.items.length > 0 ? (
        <CaseTable
          items={rows}
          labels={labels}
          sort={sort}
          onSort={onSort}
          onOpen={(caseId) => open(caseId)}
          stepFor={(item) => nextStepCommand(item.phase, item.nextStep, roles)}
          onStep={(caseId, command) => open(caseId, command)}
        />
      ) : null}
      {data && pages > 1 ? (
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center" style={{ marginTop: 8 }}>
          <DefaultButton text={s.previousPage} disabled={page === 0} onClick={() => setPage(page - 1)} />
          <span>{s.pageOf(page + 1, pages)}</span>
          <DefaultButton text={s.nextPage} disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} />
        </Stack>
      ) : null}
      {openCase ? (
        <CaseDetailPanel
          key={openCase}
          caseId={openCase}
          api={source}
          labels={labels}
          roles={roles}
          catalogue={catalogue}
          members={partners.filter((p) => p.member !== false)}
          onClose={() => open(undefined)}
          onChanged={() => setReload((r) => r + 1)}
          onOpenCase={(caseId) => open(caseId)}
          {...(props.newCommandId ? { newCommandId: props.newCommandId } : {})}
          {...(openSummary ? { nextStep: openSummary.nextStep } : {})}
          {...(startCommand ? { startCommand } : {})}
        />
      ) : null}
    </div>
  );
}
