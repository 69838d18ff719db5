/**
 * The re-registration check in Verrijking, for the procesregisseur only (issue 16): whether the young
 * person of this case had an earlier signaalpunt case. The API compares the name and date of birth this
 * case already holds (so no one else can be looked up from here), audits the check with its purpose on
 * every case involved, and answers kenmerk, phase and closed-on day only — which is all this section keeps
 * and shows. Nothing is typed in and no identity enters this component's state.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { Labels } from '../labels';
import type { EarlierCase, EarlierCasesApi } from '../workbench/model';
import { problemText } from './CaseDetailPanel';

export interface EarlierCasesCheckProps {
  caseId: string;
  api: EarlierCasesApi;
  labels: Labels;
  /** after a check (it is audited: the panel refreshes its audit trail). */
  onChecked(): void;
}

export function EarlierCasesCheck(props: EarlierCasesCheckProps): React.ReactElement {
  const { caseId, api, labels, onChecked } = props;
  const t = labels.s.earlier;
  const [busy, setBusy] = React.useState(false);
  const [answer, setAnswer] = React.useState<EarlierCase[] | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);

  const check = (): void => {
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    api.earlierCases(caseId).then(
      (items) => {
        setBusy(false);
        // the answer as the API gives it, field by field: kenmerk, phase, closed on
        setAnswer(items.map((x) => ({ reference: x.reference, phase: x.phase, closedOn: x.closedOn })));
        onChecked();
      },
      (e: unknown) => {
        setBusy(false);
        setError(problemText(e, labels));
      },
    );
  };

  return (
    <section aria-labelledby="sjv-earlier" data-testid="earlier-cases" style={{ marginTop: 16 }}>
      <h3 id="sjv-earlier" style={{ margin: '0 0 6px', fontSize: 16 }}>
        {t.title}
      </h3>
      <p>{t.intro}</p>
      <DefaultButton text={busy ? t.busy : t.run} disabled={busy} onClick={check} />
      <div role="status" aria-live="polite" data-testid="earlier-cases-answer" style={{ marginTop: 8 }}>
        {answer && answer.length === 0 ? <p>{t.none}</p> : null}
        {answer && answer.length > 0 ? (
          <>
            <p style={{ margin: '0 0 4px' }}>{t.found(answer.length)}</p>
            <ul style={{ margin: 0 }}>
              {answer.map((x) => (
                <li key={x.reference}>{t.line(x.reference, labels.phase(x.phase), x.closedOn ? labels.date(x.closedOn) : null)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {error ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {error}
        </MessageBar>
      ) : null}
    </section>
  );
}
