/**
 * The "Evaluatie en verantwoording" tab: anonymous statistics for a period (key figures, bar charts, tables,
 * CSV), the informing deadlines, the audit-chain check, the retention report and the generated processing
 * register and DPIA annex — the one accountability dashboard (locally: /pages/coordinator/?tab=dashboard), for the procesregisseur, the
 * voorzitter (statistics only) and the privacy officer. Each part is shown only to the roles the API allows
 * (their routes' roles in the contract's OPERATIONS), and still answers a refusal with the API's text and code. Nothing here shows a reference,
 * a name or any case content: the source hands over reference-free shapes only.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { AccountabilitySource, ApiLocale, AuditVerification, DocumentFormat, DownloadedFile, InformingDeadline, Period, PrivacyDocument, RetentionOverview, StatisticsReport } from '../accountability';
import { csvFileName, defaultPeriod, documentFileName, may, periodProblem, privacyDocumentPath, statisticsPath } from '../accountability';
import type { Locale, Strings } from '../i18n';
import { stringsFor } from '../i18n';
import { makeLabels } from '../labels';
import type { Labels } from '../labels';
import { ApiProblem } from '@signaalpunt/contract/client';
import { BarChart, FiguresTable } from './BarChart';
import { monthLabel, NOT_SHOWN, showCount, showNumber, showPct } from './figures';

export interface AccountabilityDashboardProps {
  source: AccountabilitySource;
  locale: Locale;
  /** the caller's roles (from /api/v1/me): which parts to show. */
  roles: string[];
  /** today, for the default period (tests pass a fixed day). */
  today?: Date;
  /** hands a downloaded file to the browser; tests pass a recorder. */
  save?: (file: DownloadedFile) => void;
}

/** Hands a file to the browser as a download (an object URL on a temporary link). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    document.body.removeChild(a);
  }, 1000);
}

/** An error as one line for people: the API's text in the user's language and its code; else a general text. */
export function problemLine(e: unknown, s: Strings, locale: Locale): string {
  if (e instanceof ApiProblem) return s.dashProblem(locale === 'en-US' ? e.messages.en : e.messages.nl, e.code);
  return s.dashLoadFailed;
}

const apiLocale = (locale: Locale): ApiLocale => (locale === 'en-US' ? 'en' : 'nl');
const sectionStyle: React.CSSProperties = { margin: '20px 0', maxWidth: 960 };
const h3Style: React.CSSProperties = { fontSize: 18, fontWeight: 600, margin: '0 0 8px' };
const h4Style: React.CSSProperties = { fontSize: 14, fontWeight: 600, margin: '12px 0 4px' };
const noteStyle: React.CSSProperties = { margin: '4px 0 8px', color: '#484644', fontSize: 13 };

/** Loads once per `key` change; keeps the result, the error and whether it is loading. */
function useLoad<T>(load: (() => Promise<T>) | undefined, key: string): { value?: T; error?: unknown; loading: boolean; retry: () => void } {
  const [state, setState] = React.useState<{ value?: T; error?: unknown; loading: boolean }>({ loading: Boolean(load) });
  const [nonce, setNonce] = React.useState(0);
  React.useEffect(() => {
    if (!load) return;
    let live = true;
    setState({ loading: true });
    load().then(
      (value) => live && setState({ value, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  return { ...state, retry: () => setNonce((n) => n + 1) };
}

function Problem(props: { error: unknown; s: Strings; locale: Locale; onRetry?: () => void }): React.ReactElement {
  const { s } = props;
  return (
    <MessageBar messageBarType={MessageBarType.error} actions={props.onRetry ? <DefaultButton text={s.retry} onClick={props.onRetry} /> : undefined}>
      {problemLine(props.error, s, props.locale)}
    </MessageBar>
  );
}

/** A download button: an authenticated GET through the source, then handed to the browser. */
function useDownload(source: AccountabilitySource, save: (f: DownloadedFile) => void): { start: (path: string, name: string) => void; error?: unknown } {
  const [error, setError] = React.useState<unknown>(undefined);
  const start = (path: string, name: string): void => {
    setError(undefined);
    source.download(path, name).then(save, (e: unknown) => setError(e));
  };
  return { start, error };
}

/* ───────────── statistics ───────────── */

function Tiles(props: { report: StatisticsReport; s: Strings; locale: Locale }): React.ReactElement {
  const { report: r, s, locale } = props;
  const tiles: [string, string][] = [
    [s.kpiConcerns, showCount(r.concerns.total)],
    [s.kpiSuspicion, showPct(r.reasonableSuspicion.share, locale)],
    [s.kpiConfirmed, showPct(r.confirmedInVerrijking.share, locale)],
    [s.kpiInformed, showPct(r.informing.share, locale)],
    [s.kpiPurges, showPct(r.purges.share, locale)],
  ];
  return (
    <dl style={{ display: 'flex', flexWrap: 'wrap', gap: 12, margin: '8px 0 16px', padding: 0 }} data-testid="key-figures">
      {tiles.map(([label, value]) => (
        <div key={label} style={{ border: '1px solid #8a8886', borderRadius: 4, padding: '8px 12px', minWidth: 150 }}>
          <dt style={{ fontSize: 13, color: '#484644' }}>{label}</dt>
          <dd style={{ margin: 0, fontSize: 24, fontWeight: 600 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StatisticsView(props: { report: StatisticsReport; s: Strings; locale: Locale; labels: Labels }): React.ReactElement {
  const { report: r, s, locale, labels } = props;
  const d = r.daysBetweenPhases;
  const e = r.enrichmentResponse;
  const i = r.informing;
  const p = r.purges;
  const spreadRow = (label: string, sp: { n: StatisticsReport['concerns']['total']; median: number | null; p90: number | null }): string[] => [
    label,
    showCount(sp.n),
    showNumber(sp.median, locale),
    showNumber(sp.p90, locale),
  ];
  return (
    <div data-testid="statistics-report">
      <p style={noteStyle}>{s.statisticsPeriod(labels.date(r.period.from), labels.date(r.period.to), labels.date(r.asOf))}</p>
      <Tiles report={r} s={s} locale={locale} />
      {r.concerns.total === 0 ? (
        <MessageBar messageBarType={MessageBarType.info}>{s.noConcerns}</MessageBar>
      ) : (
        <>
          <BarChart title={s.chartPerMonth} s={s} testId="chart-per-month" rows={r.concerns.perMonth.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), count: m.count }))} />
          <BarChart title={s.chartPerPartnerType} s={s} testId="chart-per-partner-type" rows={r.concerns.perPartnerType.map((t) => ({ key: t.type, label: t.label, count: t.count }))} />
        </>
      )}
      <BarChart title={s.chartExitReasons} s={s} testId="chart-exit-reasons" rows={r.exitReasons.perReason.map((x) => ({ key: x.code, label: x.label, count: x.count }))} />
      <h4 style={h4Style}>{s.daysBetween}</h4>
      <FiguresTable
        caption={s.daysBetween}
        testId="table-days"
        head={[s.step, s.count, s.median, s.p90]}
        numericFrom={1}
        rows={[
          spreadRow(s.intakeToDecision, d.intakeToDecision),
          spreadRow(s.decisionToDiscussion, d.decisionToDiscussion),
          spreadRow(s.discussionToClosure, d.discussionToClosure),
          spreadRow(s.intakeToClosure, d.intakeToClosure),
        ]}
      />
      <p style={noteStyle}>{s.referenceTriage(d.referenceTriageDays)}</p>
      <h4 style={h4Style}>{s.enrichmentAnswers}</h4>
      <FiguresTable
        caption={s.enrichmentAnswers}
        testId="table-enrichment"
        head={[s.requests, s.answeredByDue, s.answeredLate, s.unanswered, s.responseDays]}
        numericFrom={0}
        rows={[[showCount(e.requests), showCount(e.answeredByDue), showCount(e.answeredLate), showCount(e.unanswered), `${showNumber(e.days.median, locale)} / ${showNumber(e.days.p90, locale)}`]]}
      />
      <h4 style={h4Style}>{s.informingResident}</h4>
      <FiguresTable
        caption={s.informingResident}
        testId="table-informing"
        head={[s.identityCaptured, s.within30Days, s.informedLate, s.notInformedOverdue, s.informingPending, s.informingDeferred]}
        numericFrom={0}
        rows={[[showCount(i.identityCaptured), showCount(i.within30Days), showCount(i.late), showCount(i.notInformedOverdue), showCount(i.pending), showCount(i.deferred)]]}
      />
      <h4 style={h4Style}>{s.purges}</h4>
      <FiguresTable
        caption={s.purges}
        testId="table-purges"
        head={[s.purgesDue, s.purgesOnTime, s.purgesLate, s.purgesOverdue]}
        numericFrom={0}
        rows={[[showCount(p.due), showCount(p.onTime), showCount(p.late), showCount(p.overdue)]]}
      />
      <p style={noteStyle} data-testid="suppression-legend">
        {r.suppression.rule} {s.legend}
      </p>
    </div>
  );
}

function StatisticsSection(props: { source: AccountabilitySource; s: Strings; locale: Locale; labels: Labels; today: Date; save: (f: DownloadedFile) => void }): React.ReactElement {
  const { source, s, locale, labels } = props;
  const initial = React.useMemo(() => defaultPeriod(props.today), []);
  const [draft, setDraft] = React.useState<Period>(initial);
  // each "Toon" asks again, also for the same period (new concerns may have come in).
  const [asked, setAsked] = React.useState<{ period: Period; n: number }>({ period: initial, n: 0 });
  const [touched, setTouched] = React.useState(false);
  const lang = apiLocale(locale);
  const stats = useLoad(() => source.statistics(asked.period, lang), `${asked.period.from}|${asked.period.to}|${lang}|${asked.n}`);
  const csv = useDownload(source, props.save);
  const problem = periodProblem(draft);
  const problemText = problem === 'order' ? s.periodOrder : problem === 'tooLong' ? s.periodTooLong : problem === 'invalid' ? s.periodInvalid : undefined;
  const onSubmit = (ev: React.FormEvent): void => {
    ev.preventDefault();
    setTouched(true);
    if (!problem) setAsked((a) => ({ period: { from: draft.from, to: draft.to }, n: a.n + 1 }));
  };
  return (
    <section style={sectionStyle} aria-labelledby="sjv-dash-statistics">
      <h3 id="sjv-dash-statistics" style={h3Style}>
        {s.statistics}
      </h3>
      <form onSubmit={onSubmit} aria-label={s.period} data-testid="period-form">
        <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
          <TextField label={s.periodFrom} type="date" value={draft.from} onChange={(_e, v) => setDraft({ ...draft, from: v || '' })} styles={{ root: { width: 170 } }} />
          <TextField
            label={s.periodTo}
            type="date"
            value={draft.to}
            onChange={(_e, v) => setDraft({ ...draft, to: v || '' })}
            styles={{ root: { width: 170 } }}
            errorMessage={touched && problemText ? problemText : undefined}
          />
          <PrimaryButton type="submit" text={s.periodShow} />
          <DefaultButton text={s.downloadCsv} disabled={Boolean(problem)} onClick={() => !problem && csv.start(statisticsPath(draft, lang, 'csv'), csvFileName(draft))} />
        </Stack>
      </form>
      {csv.error ? <Problem error={csv.error} s={s} locale={locale} /> : null}
      {stats.loading ? <Spinner label={s.loading} /> : null}
      {stats.error ? <Problem error={stats.error} s={s} locale={locale} onRetry={stats.retry} /> : null}
      {stats.value && !stats.loading ? <StatisticsView report={stats.value} s={s} locale={locale} labels={labels} /> : null}
    </section>
  );
}

/* ───────────── accountability ───────────── */

function DeadlinesSection(props: { source: AccountabilitySource; s: Strings; locale: Locale; labels: Labels }): React.ReactElement {
  const { source, s, locale, labels } = props;
  const r = useLoad<InformingDeadline[]>(() => source.informingDeadlines(), 'deadlines');
  const items = r.value || [];
  const status = (x: InformingDeadline): string => `${x.overdue ? s.deadlineOverdue : s.deadlineSoon}${x.deferred ? `, ${s.deadlineDeferred}` : ''}`;
  return (
    <section style={sectionStyle} aria-labelledby="sjv-dash-deadlines" data-testid="section-deadlines">
      <h3 id="sjv-dash-deadlines" style={h3Style}>
        {s.deadlinesTitle}
      </h3>
      <p style={noteStyle}>{s.deadlinesNote}</p>
      {r.loading ? <Spinner label={s.loading} /> : null}
      {r.error ? <Problem error={r.error} s={s} locale={locale} onRetry={r.retry} /> : null}
      {r.value && items.length === 0 ? <p>{s.nothingToReport}</p> : null}
      {items.length > 0 ? (
        <>
          <p>{s.deadlinesSummary(items.filter((x) => x.overdue).length, items.filter((x) => !x.overdue).length)}</p>
          <FiguresTable caption={s.deadlinesTitle} head={[s.colReference, s.dueOn, s.daysLeft, s.deadlineStatus]} rows={items.map((x) => [x.reference, labels.date(x.dueOn), String(x.daysLeft), status(x)])} />
        </>
      ) : null}
    </section>
  );
}

function VerificationSection(props: { source: AccountabilitySource; s: Strings; locale: Locale }): React.ReactElement {
  const { source, s, locale } = props;
  const [asked, setAsked] = React.useState(0);
  const r = useLoad<AuditVerification>(asked ? () => source.verifyAudit() : undefined, String(asked));
  const v = r.value;
  return (
    <section style={sectionStyle} aria-labelledby="sjv-dash-verification" data-testid="section-verification">
      <h3 id="sjv-dash-verification" style={h3Style}>
        {s.verificationTitle}
      </h3>
      <DefaultButton text={s.verifyNow} onClick={() => setAsked((n) => n + 1)} disabled={r.loading} />
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {r.loading ? <Spinner label={s.verifying} /> : null}
        {r.error ? <Problem error={r.error} s={s} locale={locale} /> : null}
        {v && !r.loading ? (
          <MessageBar messageBarType={v.ok ? MessageBarType.success : MessageBarType.severeWarning} data-testid="verification-result">
            {v.ok ? s.chainOk(v.rows) : s.chainBroken(v.firstBadSeq === undefined ? NOT_SHOWN : String(v.firstBadSeq), v.problem || NOT_SHOWN)}
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}

function RetentionSection(props: { source: AccountabilitySource; s: Strings; locale: Locale; labels: Labels }): React.ReactElement {
  const { source, s, locale, labels } = props;
  const r = useLoad<RetentionOverview>(() => source.retentionReport(), 'retention');
  const v = r.value;
  const destroyed = (g: string): string => (g === 'freeText' ? s.destroyedFreeText : (s.group as Record<string, string>)[g] || g);
  return (
    <section style={sectionStyle} aria-labelledby="sjv-dash-retention" data-testid="section-retention">
      <h3 id="sjv-dash-retention" style={h3Style}>
        {s.retentionTitle}
      </h3>
      {r.loading ? <Spinner label={s.loading} /> : null}
      {r.error ? <Problem error={r.error} s={s} locale={locale} onRetry={r.retry} /> : null}
      {v ? (
        <>
          <p style={noteStyle}>{s.retentionAsOf(labels.date(v.asOf))}</p>
          <h4 style={h4Style}>{s.dueForPurge}</h4>
          {v.due.length === 0 ? (
            <p>{s.nothingToReport}</p>
          ) : (
            <>
              <p>{s.dueForPurgeCount(v.due.length)}</p>
              <FiguresTable caption={s.dueForPurge} head={[s.colReference, s.retentionUntil]} rows={v.due.map((x) => [x.reference, x.retentionAtLatest ? labels.date(x.retentionAtLatest) : ''])} />
            </>
          )}
          <h4 style={h4Style}>{s.deletions}</h4>
          {v.deletions.length === 0 ? (
            <p>{s.nothingToReport}</p>
          ) : (
            <div role="region" aria-label={s.deletions} tabIndex={0} style={{ maxHeight: 320, overflowY: 'auto' }}>
              <FiguresTable
                caption={s.deletions}
                head={[s.colReference, s.deletedAt, s.destroyedWhat]}
                rows={v.deletions.map((x) => [x.reference, labels.date(x.at.slice(0, 10)), x.destroyed.map(destroyed).join(', ')])}
              />
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function DocumentsSection(props: { source: AccountabilitySource; s: Strings; locale: Locale; save: (f: DownloadedFile) => void }): React.ReactElement {
  const { source, s, locale } = props;
  const dl = useDownload(source, props.save);
  const docs: [PrivacyDocument, DocumentFormat, string][] = [
    ['register', 'markdown', s.registerMd],
    ['register', 'docx', s.registerDocx],
    ['dpia-annex', 'markdown', s.dpiaMd],
    ['dpia-annex', 'docx', s.dpiaDocx],
  ];
  return (
    <section style={sectionStyle} aria-labelledby="sjv-dash-documents" data-testid="section-documents">
      <h3 id="sjv-dash-documents" style={h3Style}>
        {s.documentsTitle}
      </h3>
      <p style={noteStyle}>{s.documentsNote}</p>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        {docs.map(([name, format, text]) => (
          <DefaultButton key={`${name}.${format}`} text={text} onClick={() => dl.start(privacyDocumentPath(name, format), documentFileName(name, format))} />
        ))}
      </Stack>
      {dl.error ? <Problem error={dl.error} s={s} locale={locale} /> : null}
    </section>
  );
}

export function AccountabilityDashboard(props: AccountabilityDashboardProps): React.ReactElement {
  const { source, locale, roles } = props;
  const s = stringsFor(locale);
  const labels = React.useMemo(() => makeLabels(locale, s, {}, []), [locale]);
  const save = props.save || saveFile;
  const today = props.today || new Date();
  return (
    <div className="sjv-dashboard" lang={locale === 'en-US' ? 'en' : 'nl'} data-testid="accountability-dashboard">
      <h2 style={{ margin: '0 0 4px', fontSize: 20 }}>{s.dashTitle}</h2>
      <p style={noteStyle}>{s.dashIntro}</p>
      {may(roles, 'statistics') ? <StatisticsSection source={source} s={s} locale={locale} labels={labels} today={today} save={save} /> : null}
      {may(roles, 'informingDeadlines') ? <DeadlinesSection source={source} s={s} locale={locale} labels={labels} /> : null}
      {may(roles, 'auditVerification') ? <VerificationSection source={source} s={s} locale={locale} /> : null}
      {may(roles, 'retentionReport') ? <RetentionSection source={source} s={s} locale={locale} labels={labels} /> : null}
      <DocumentsSection source={source} s={s} locale={locale} save={save} />
    </div>
  );
}
