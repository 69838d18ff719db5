import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import type { CommandSpec, FormValues } from '../commandForms';
import { availableCommands, NEXT_STEP_COMMAND, OVERFLOW_COMMANDS } from '../commandForms';
import type { CaseApi } from '../dataSource';
import type { Labels } from '../labels';
import type { CaseView, Catalogue, CommandOutcome, Partner } from '../dataSource';
import type { CommandName } from '../commandForms';
import { ApiProblem } from '@signaalpunt/contract/client';
import { identifierLines } from '@signaalpunt/contract/identifiers';
import { fieldIssueLines, isConflict } from '../problemTexts';
import { AccessCodeSection } from './AccessCodeSection';
import { AuditTrail } from './AuditTrail';
import { CaseViewSections } from './CaseViewSections';
import { CommandDialog } from './CommandDialog';
import type { DownloadedFile } from '../accountability';
import { saveFile } from '../dashboard/AccountabilityDashboard';

// The workbench sections load on demand, in their own chunks: the first screen's bundle stays small (issue 16).
const EarlierCasesCheck = React.lazy(() => import(/* webpackChunkName: 'sjv-earlier-cases' */ './EarlierCasesCheck').then((m) => ({ default: m.EarlierCasesCheck })));
const CaseLinks = React.lazy(() => import(/* webpackChunkName: 'sjv-case-links' */ './CaseLinks').then((m) => ({ default: m.CaseLinks })));
const CaseLetters = React.lazy(() => import(/* webpackChunkName: 'sjv-letters' */ './CaseLetters').then((m) => ({ default: m.CaseLetters })));

export interface CaseDetailPanelProps {
  caseId: string;
  api: CaseApi;
  labels: Labels;
  roles: string[];
  catalogue: Catalogue;
  members: Partner[];
  onClose(): void;
  onChanged(outcome: CommandOutcome): void;
  /** idempotency keys for commands; injectable for tests. */
  newCommandId?: () => string;
  /** the case's next step from the list: its command is the primary button. */
  nextStep?: string;
  /** a command to open at once when the case has loaded and the view allows it (the list's next-step button). */
  startCommand?: CommandName;
  /** hands a downloaded letter to the browser; tests pass a recorder. */
  save?: (file: DownloadedFile) => void;
  /** opens another case in the panel (a linked case). */
  onOpenCase?(caseId: string): void;
}

export function randomCommandId(): string {
  const bytes = new Uint8Array(16);
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && c.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  // a version-4 UUID: the API takes UUIDs and ULIDs only (the id is kept in the audit).
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] + 0x100).toString(16).slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function problemText(e: unknown, labels: Labels): string {
  if (e instanceof ApiProblem) {
    const locale = labels.locale === 'en-US' ? 'en-US' : 'nl-NL';
    // a 412 carries no text of the API's own: the conflict's words (with "Nieuwste versie laden" beside them)
    if (e.status === 412) return labels.s.conflictHint;
    const specific = fieldIssueLines(e.code, e.fields, labels.s);
    if (specific.length > 0) return specific.join(' ');
    return [locale === 'en-US' ? e.messages.en : e.messages.nl].concat(identifierLines(e.code, e.fields, locale)).join(' ');
  }
  return labels.s.errorLoading;
}

export function CaseDetailPanel(props: CaseDetailPanelProps): React.ReactElement {
  const { caseId, api, labels, roles, catalogue, members, onClose, onChanged } = props;
  const newCommandId = props.newCommandId || randomCommandId;
  const s = labels.s;
  const [view, setView] = React.useState<CaseView | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [active, setActive] = React.useState<CommandSpec | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [commandError, setCommandError] = React.useState<string | undefined>(undefined);
  const [refreshKey, setRefreshKey] = React.useState(0);
  const [conflict, setConflict] = React.useState(false);
  // One commandId per intended command: a retry of the same command (same case, version and values, e.g.
  // after a timeout whose answer was lost) sends the same id, so the server replays it instead of doing it
  // twice; changed values or a newer version make it another command with a new id.
  const pending = React.useRef<{ key: string; id: string } | undefined>(undefined);
  const commandIdFor = (key: string): string => {
    if (!pending.current || pending.current.key !== key) pending.current = { key, id: newCommandId() };
    return pending.current.id;
  };
  const [codeChanges, setCodeChanges] = React.useState(0);
  const started = React.useRef(false);

  React.useEffect(() => {
    let live = true;
    setView(undefined);
    setError(undefined);
    api.getCase(caseId).then(
      (v) => live && setView(v),
      (e: unknown) => live && setError(problemText(e, labels)),
    );
    return () => {
      live = false;
    };
  }, [caseId, refreshKey]);

  const run = (spec: CommandSpec, values: FormValues): void => {
    if (!view) return;
    setBusy(true);
    setCommandError(undefined);
    setConflict(false);
    const body = { expectedVersion: view.version, ...spec.build(values) };
    const commandId = commandIdFor(JSON.stringify([spec.name, view.id, body]));
    api
      .execute(spec.name, view.id, { commandId, ...body })
      .then(
        (outcome) => {
          pending.current = undefined;
          setBusy(false);
          setActive(undefined);
          setNotice(outcome.replayed ? s.commandReplayed : s.commandDone(outcome.reference, labels.phase(outcome.phase)));
          setRefreshKey((k) => k + 1);
          onChanged(outcome);
        },
        (e: unknown) => {
          setBusy(false);
          setConflict(isConflict(e));
          setCommandError(problemText(e, labels));
        },
      );
  };

  const commands = view ? availableCommands(view.phase, view.access, roles) : [];
  const primaryName = props.nextStep ? NEXT_STEP_COMMAND[props.nextStep] : undefined;
  const inRow = commands.filter((c) => OVERFLOW_COMMANDS.indexOf(c.name) < 0);
  const inMenu = commands.filter((c) => OVERFLOW_COMMANDS.indexOf(c.name) >= 0);
  const start = (c: CommandSpec): void => {
    setCommandError(undefined);
    setNotice(undefined);
    setActive(c);
  };
  // the list's next-step button: open its dialog once, as soon as the view shows the step is allowed
  React.useEffect(() => {
    if (!view || started.current || !props.startCommand) return;
    started.current = true;
    const spec = commands.filter((c) => c.name === props.startCommand)[0];
    if (spec) start(spec);
  }, [view]);
  // the access code of the status page: the procesregisseur who may write letters (H) in this phase (issue 19)
  const { revokeAccessCode, reissueAccessCode } = api;
  const codes = revokeAccessCode && reissueAccessCode ? { revokeAccessCode: revokeAccessCode.bind(api), reissueAccessCode: reissueAccessCode.bind(api) } : undefined;
  const mayHandleCode = !!view && !!codes && roles.indexOf('procesregisseur') >= 0 && view.access.H === 'write';
  // letters: the procesregisseur who may write group H in this phase, when the API offers them (issue 16)
  const { generateLetter } = api;
  const lettersApi = generateLetter
    ? {
        generateLetter: generateLetter.bind(api),
        ...(api.previewLetter ? { previewLetter: api.previewLetter.bind(api) } : {}),
        ...(api.informingDeadlineOf ? { informingDeadlineOf: api.informingDeadlineOf.bind(api) } : {}),
      }
    : undefined;
  const mayWriteLetters = !!view && !!lettersApi && roles.indexOf('procesregisseur') >= 0 && view.access.H === 'write';
  // the re-registration check: the procesregisseur, in Verrijking, on a case whose identity the view holds (issue 16)
  const { earlierCases } = api;
  const mayCheckEarlier = !!view && !!earlierCases && roles.indexOf('procesregisseur') >= 0 && view.phase === 'VERRIJKING' && view.identity !== undefined;
  // linked cases: the procesregisseur who writes the frame (A) in this phase, when the source lists cases (ADR 0018)
  const { listCases } = api;
  const mayLink = !!view && !!listCases && roles.indexOf('procesregisseur') >= 0 && view.access.A === 'write';
  return (
    <Panel
      isOpen={true}
      type={PanelType.medium}
      onDismiss={onClose}
      headerText={view ? s.detailTitle(view.reference) : error ? s.detailUnavailable : s.loading}
      closeButtonAriaLabel={s.close}
      isLightDismiss={!active}
    >
      {error ? <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar> : null}
      {!view && !error ? <Spinner label={s.loading} /> : null}
      {notice ? (
        <MessageBar messageBarType={MessageBarType.success} role="status">
          {notice}
        </MessageBar>
      ) : null}
      {view ? (
        <>
          <p>{s.yourView}</p>
          <section aria-labelledby="sjv-commands" data-testid="commands">
            <h3 id="sjv-commands" style={{ margin: '8px 0', fontSize: 16 }}>
              {s.commands}
            </h3>
            {commands.length === 0 ? <p>{s.noCommands}</p> : null}
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              {inRow.map((c) =>
                c.name === primaryName ? (
                  <PrimaryButton key={c.name} text={s.command[c.name]} data-next-step="true" onClick={() => start(c)} />
                ) : (
                  <DefaultButton key={c.name} text={s.command[c.name]} onClick={() => start(c)} />
                ),
              )}
              {inMenu.length > 0 ? (
                <DefaultButton
                  text={s.moreSteps}
                  menuProps={{ items: inMenu.map((c) => ({ key: c.name, text: s.command[c.name], onClick: () => start(c) })) }}
                />
              ) : null}
            </Stack>
          </section>
          {mayHandleCode && codes ? (
            <AccessCodeSection caseId={view.id} reference={view.reference} api={codes} labels={labels} onChanged={() => setCodeChanges((n) => n + 1)} />
          ) : null}
          {mayCheckEarlier && earlierCases ? (
            <React.Suspense fallback={<Spinner label={s.loading} />}>
              <EarlierCasesCheck caseId={view.id} api={{ earlierCases: earlierCases.bind(api) }} labels={labels} onChecked={() => setCodeChanges((n) => n + 1)} />
            </React.Suspense>
          ) : null}
          {mayLink && listCases ? (
            <React.Suspense fallback={<Spinner label={s.loading} />}>
              <CaseLinks
                view={view}
                api={{ execute: api.execute.bind(api), listCases: listCases.bind(api), ...(api.similarCases ? { similarCases: api.similarCases.bind(api) } : {}) }}
                labels={labels}
                newCommandId={newCommandId}
                onChanged={(outcome) => {
                  setNotice(s.links.done(outcome.reference));
                  setRefreshKey((k) => k + 1);
                  onChanged(outcome);
                }}
                {...(props.onOpenCase ? { onOpen: props.onOpenCase } : {})}
              />
            </React.Suspense>
          ) : null}
          {mayWriteLetters && lettersApi ? (
            <React.Suspense fallback={<Spinner label={s.loading} />}>
              <CaseLetters
                view={view}
                api={lettersApi}
                labels={labels}
                save={props.save || saveFile}
                onRecorded={(text) => {
                  setNotice(text);
                  setRefreshKey((k) => k + 1);
                }}
                {...(props.newCommandId ? { newCommandId: props.newCommandId } : {})}
              />
            </React.Suspense>
          ) : null}
          <CaseViewSections view={view} labels={labels} />
          <section aria-labelledby="sjv-audit" style={{ marginTop: 16 }}>
            <h3 id="sjv-audit" style={{ margin: '0 0 6px', fontSize: 16 }}>
              {s.auditTrail}
            </h3>
            <AuditTrail caseId={view.id} api={api} labels={labels} refreshKey={refreshKey + codeChanges} />
          </section>
        </>
      ) : null}
      {active ? (
        <CommandDialog
          spec={active}
          labels={labels}
          catalogue={catalogue}
          members={members}
          {...(view ? { view } : {})}
          busy={busy}
          error={commandError}
          onReload={
            conflict
              ? () => {
                  // the newest version under the open dialog: the values typed stay, the next confirm uses it
                  api.getCase(caseId).then(
                    (v) => {
                      setView(v);
                      setConflict(false);
                      setCommandError(undefined);
                    },
                    (e: unknown) => setCommandError(problemText(e, labels)),
                  );
                }
              : undefined
          }
          onConfirm={(values) => run(active, values)}
          onCancel={() => setActive(undefined)}
        />
      ) : null}
    </Panel>
  );
}
