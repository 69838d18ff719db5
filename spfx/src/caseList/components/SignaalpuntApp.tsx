/**
 * The web part's face: which tabs a user gets, from the roles the API reports (/api/v1/me).
 *  - procesregisseur (and voorzitter): "Zaken" (the case list) and "Evaluatie en verantwoording" (the dashboard);
 *    the procesregisseur also the partner registry, the access export and "Beheer" (the reference data, issue 16);
 *  - privacy officer: the dashboard only — never the case list, so no case content is ever fetched;
 *  - everyone else: the case list as before, without tabs.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { AccountabilitySource, DownloadedFile } from '../accountability';
import { tabsFor } from '../accountability';
import type { CoordinatorDataSource } from '../dataSource';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import { AccountabilityDashboard, problemLine } from '../dashboard/AccountabilityDashboard';
import { CoordinatorApp } from './CoordinatorApp';
import { UndeliveredMessages } from './UndeliveredMessages';
import { ResidentRequests } from './ResidentRequests';
import { PartnerRegistry } from './PartnerRegistry';
import type { ResidentRequestsSource } from '../residentAccess';
import type { Partner } from '../dataSource';
import { offersReferenceData } from '../management/model';
import { saveFile } from '../dashboard/AccountabilityDashboard';

// The access export's form and the reference data's management ("Beheer") load on demand, in its own chunk, when its tab is first opened (issue 16).
const ReferenceDataManagement = React.lazy(() =>
  import(/* webpackChunkName: 'sjv-reference-management' */ './ReferenceDataManagement').then((m) => ({ default: m.ReferenceDataManagement })),
);
const AccessRequestForm = React.lazy(() => import(/* webpackChunkName: 'sjv-access-request' */ './AccessRequestForm').then((m) => ({ default: m.AccessRequestForm })));

export interface SignaalpuntAppProps {
  /** the case list and case API (in SharePoint: PnP for the list, the API for the rest). */
  cases: CoordinatorDataSource;
  /** the dashboard's reads, and who the user is: the Signaalpunt API. */
  accountability: AccountabilitySource;
  locale: Locale;
  pageSize?: number;
  onFirstRender?: (rows: number) => void;
  newCommandId?: () => string;
  /** the tab shown first where the user has it (the local page's ?tab=dashboard, where /pages/transparency/ leads); else the case list. */
  initialTab?: 'cases' | 'dashboard';
  /** for tests: a fixed today and a download recorder. */
  today?: Date;
  save?: (file: DownloadedFile) => void;
}

type TabKey = 'cases' | 'dashboard' | 'registry' | 'access' | 'management';

/** Whether the source reads the residents' requests and locks (the API client does; a fake may not). */
function offersResidentRequests(source: AccountabilitySource): source is AccountabilitySource & ResidentRequestsSource {
  return typeof source.residentRequests === 'function' && typeof source.residentLocks === 'function';
}

export function SignaalpuntApp(props: SignaalpuntAppProps): React.ReactElement {
  const { accountability, locale } = props;
  const s = stringsFor(locale);
  const [roles, setRoles] = React.useState<string[] | undefined>(undefined);
  const [error, setError] = React.useState<unknown>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  const [tab, setTab] = React.useState<TabKey>(props.initialTab || 'cases');
  const [dashboardOpened, setDashboardOpened] = React.useState(props.initialTab === 'dashboard');

  React.useEffect(() => {
    let live = true;
    setError(undefined);
    accountability.me().then(
      (me) => live && setRoles(me.user.roles),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [accountability, attempt]);

  if (error) {
    return (
      <MessageBar messageBarType={MessageBarType.error} actions={<DefaultButton text={s.retry} onClick={() => setAttempt((n) => n + 1)} />}>
        {problemLine(error, s, locale)}
      </MessageBar>
    );
  }
  if (!roles) return <Spinner label={s.loading} />;

  const tabs = tabsFor(roles);
  // The procesregisseur sees the bot's undelivered messages above the case list (docs/adr/0013).
  const undelivered = accountability.undelivered && roles.indexOf('procesregisseur') >= 0 ? accountability.undelivered.bind(accountability) : undefined;
  // ... and the requests residents made on their status page, and the locked codes (issue 19).
  const residentSource = offersResidentRequests(accountability) && roles.indexOf('procesregisseur') >= 0 ? accountability : undefined;
  const caseList = (): React.ReactElement => (
    <>
      {undelivered ? <UndeliveredMessages load={undelivered} locale={locale} /> : null}
      <CoordinatorApp
      source={props.cases}
      locale={locale}
      roles={roles}
      {...(residentSource ? { aboveList: (open: (caseId: string) => void) => <ResidentRequests source={residentSource} locale={locale} onOpenCase={open} {...(props.today ? { today: props.today } : {})} /> } : {})}
      {...(props.pageSize ? { pageSize: props.pageSize } : {})}
      {...(props.onFirstRender ? { onFirstRender: props.onFirstRender } : {})}
      {...(props.newCommandId ? { newCommandId: props.newCommandId } : {})}
      />
    </>
  );
  const dashboard = (): React.ReactElement => (
    <AccountabilityDashboard
      source={accountability}
      locale={locale}
      roles={roles}
      {...(props.today ? { today: props.today } : {})}
      {...(props.save ? { save: props.save } : {})}
    />
  );
  // the partner registry: the procesregisseur's own tab (read-only; the directory file is its source)
  const registry = roles.indexOf('procesregisseur') >= 0 && tabs.cases;
  const loadPartners = (): Promise<Partner[]> => props.cases.partners();
  // the access export (AVG art. 15): the procesregisseur's own tab, where the API offers it
  const accessExport = roles.indexOf('procesregisseur') >= 0 && tabs.cases && accountability.accessExport ? accountability.accessExport.bind(accountability) : undefined;
  // the reference data (local offer, registry): the procesregisseur's "Beheer" tab, where the API offers it
  const management = roles.indexOf('procesregisseur') >= 0 && tabs.cases && offersReferenceData(accountability) ? accountability : undefined;
  if (!tabs.dashboard && !registry && !accessExport && !management) return caseList();
  if (!tabs.cases) return dashboard();
  return (
    <Pivot
      aria-label={s.tabsLabel}
      // four tabs do not fit a narrow column: they wrap onto a second line rather than widen the page
      styles={{ root: { whiteSpace: 'normal' } }}
      selectedKey={tab === 'dashboard' && !tabs.dashboard ? 'cases' : tab}
      onLinkClick={(item) => {
        const key = ((item && item.props.itemKey) || 'cases') as TabKey;
        if (key === 'dashboard') setDashboardOpened(true);
        setTab(key);
      }}
    >
      {/* the case list stays mounted (its filters and page survive a look at the dashboard); the dashboard mounts when first opened. */}
      <PivotItem itemKey="cases" headerText={s.tabCases} alwaysRender={true}>
        <div style={{ paddingTop: 12 }}>{caseList()}</div>
      </PivotItem>
      {tabs.dashboard ? (
        <PivotItem itemKey="dashboard" headerText={s.tabDashboard} alwaysRender={dashboardOpened}>
          <div style={{ paddingTop: 12 }}>{dashboard()}</div>
        </PivotItem>
      ) : null}
      {registry ? (
        <PivotItem itemKey="registry" headerText={s.tabRegistry}>
          <div style={{ paddingTop: 12 }}>
            <PartnerRegistry load={loadPartners} locale={locale} />
          </div>
        </PivotItem>
      ) : null}
      {accessExport ? (
        <PivotItem itemKey="access" headerText={s.accessExport.tab}>
          <div style={{ paddingTop: 12 }}>
            <React.Suspense fallback={<Spinner label={s.loading} />}>
              <AccessRequestForm api={{ accessExport }} locale={locale} save={props.save || saveFile} />
            </React.Suspense>
          </div>
        </PivotItem>
      ) : null}
      {management ? (
        <PivotItem itemKey="management" headerText={s.tabManagement}>
          <div style={{ paddingTop: 12 }}>
            <React.Suspense fallback={<Spinner label={s.loading} />}>
              <ReferenceDataManagement
                api={management}
                partners={loadPartners}
                locale={locale}
                {...(props.newCommandId ? { newCommandId: props.newCommandId } : {})}
                {...(props.today ? { today: props.today } : {})}
              />
            </React.Suspense>
          </div>
        </PivotItem>
      ) : null}
    </Pivot>
  );
}
