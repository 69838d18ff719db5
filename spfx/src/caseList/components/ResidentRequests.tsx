/**
 * The procesregisseur's sections for the resident's status page (issue 19), above the case list:
 *  - "Verzoeken van jongeren": requests made on the status page (full access export, objection) with the
 *    date received and the one-month deadline; an overdue one says so in words; the kenmerk opens the case;
 *  - "Geblokkeerde codes": kenmerken locked for an address or slowed down after failed attempts.
 * Process-level fields only (kenmerk, kind, dates, counts). Dutch first, English second (i18n.ts).
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import type { ResidentLock, ResidentRequest, ResidentRequestsSource } from '../residentAccess';
import { formatDate, formatDateTime } from '../labels';
import { isOverdue, localDay } from '../residentAccess';

type Loaded<T> = T[] | 'failed' | undefined;

/** Loads a list once and again on retry; ignores answers that arrive after unmounting. */
function useList<T>(load: () => Promise<T[]>): [Loaded<T>, () => void] {
  const [items, setItems] = React.useState<Loaded<T>>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setItems(undefined);
    load().then(
      (list) => live && setItems(list),
      () => live && setItems('failed'),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  return [items, () => setAttempt((n) => n + 1)];
}

function Failed(props: { text: string; retry: string; onRetry(): void }): React.ReactElement {
  return (
    <MessageBar messageBarType={MessageBarType.error} role="alert" actions={<DefaultButton text={props.retry} onClick={props.onRetry} />}>
      {props.text}
    </MessageBar>
  );
}

export interface ResidentRequestsProps {
  source: ResidentRequestsSource;
  locale: Locale;
  onOpenCase(caseId: string): void;
  /** for tests: a fixed today. */
  today?: Date;
}

export function ResidentRequests(props: ResidentRequestsProps): React.ReactElement {
  const { source, locale, onOpenCase } = props;
  const s = stringsFor(locale);
  const r = s.resident;
  const loadRequests = React.useCallback(() => source.residentRequests(), [source]);
  const loadLocks = React.useCallback(() => source.residentLocks(), [source]);
  const [requests, retryRequests] = useList<ResidentRequest>(loadRequests);
  const [locks, retryLocks] = useList<ResidentLock>(loadLocks);
  const today = localDay(props.today || new Date());

  return (
    <div data-testid="resident-sections">
      <section aria-labelledby="sjv-resident-requests" data-testid="resident-requests">
        <h2 id="sjv-resident-requests">{r.requestsTitle}</h2>
        {requests === undefined ? <Spinner label={s.loading} /> : null}
        {requests === 'failed' ? <Failed text={r.requestsFailed} retry={s.retry} onRetry={retryRequests} /> : null}
        {Array.isArray(requests) && requests.length === 0 ? <p>{r.requestsEmpty}</p> : null}
        {Array.isArray(requests) && requests.length > 0 ? (
          <>
            <p>
              {r.requestsIntro} {r.openCaseHint}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{r.colReference}</th>
                  <th scope="col">{r.colKind}</th>
                  <th scope="col">{r.colReceived}</th>
                  <th scope="col">{r.colDue}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((q) => (
                  <tr key={`${q.reference}|${q.at}|${q.kind}`} data-overdue={isOverdue(q, today) ? 'true' : 'false'}>
                    <td>
                      <Link onClick={() => onOpenCase(q.caseId)}>{q.reference}</Link>
                    </td>
                    <td>{r.kinds[q.kind] || q.kind}</td>
                    <td>{formatDate(q.at, locale)}</td>
                    <td>
                      {formatDate(q.dueOn, locale)}
                      {isOverdue(q, today) ? <strong>{` (${r.overdue})`}</strong> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
      <section aria-labelledby="sjv-resident-locks" data-testid="resident-locks">
        <h2 id="sjv-resident-locks">{r.locksTitle}</h2>
        <p>{r.locksIntro}</p>
        {locks === undefined ? <Spinner label={s.loading} /> : null}
        {locks === 'failed' ? <Failed text={r.locksFailed} retry={s.retry} onRetry={retryLocks} /> : null}
        {Array.isArray(locks) && locks.length === 0 ? <p>{r.locksEmpty}</p> : null}
        {Array.isArray(locks) && locks.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{r.colReference}</th>
                <th scope="col">{r.colFailures}</th>
                <th scope="col">{r.colLockedUntil}</th>
                <th scope="col">{r.colNotBefore}</th>
              </tr>
            </thead>
            <tbody>
              {locks.map((l) => (
                <tr key={`${l.reference}|${l.lockedUntil || ''}|${l.notBefore || ''}`}>
                  <td>{l.reference}</td>
                  <td>{l.failures}</td>
                  <td>{l.lockedUntil ? formatDateTime(l.lockedUntil, locale) : s.none}</td>
                  <td>{l.notBefore ? formatDateTime(l.notBefore, locale) : s.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
