/**
 * In the case panel, for the procesregisseur who may write letters (group H) in the case's phase: revoke
 * the resident's access code to the status page, or make a new one (issue 19). Both ask for confirmation
 * first; the server audits both. A new code is shown once, in the dialog, grouped as the API returns it,
 * with the note that it goes in a letter; closing the dialog removes it from the page (it is kept nowhere
 * in the browser: no state survives the dialog).
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import type { Labels } from '../labels';
import { ApiProblem } from '@signaalpunt/contract/client';
import type { AccessCodeApi, ReissuedCode } from '../residentAccess';
import { problemText } from './CaseDetailPanel';

export interface AccessCodeSectionProps {
  caseId: string;
  reference: string;
  api: AccessCodeApi;
  labels: Labels;
  /** after a revoke or reissue (the panel refreshes its audit trail). */
  onChanged(): void;
}

type Action = 'revoke' | 'reissue';

export function AccessCodeSection(props: AccessCodeSectionProps): React.ReactElement {
  const { caseId, reference, api, labels, onChanged } = props;
  const s = labels.s;
  const r = s.resident;
  const [action, setAction] = React.useState<Action | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [issued, setIssued] = React.useState<ReissuedCode | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const open = (a: Action): void => {
    setError(undefined);
    setNotice(undefined);
    setIssued(undefined);
    setAction(a);
  };
  const close = (): void => {
    setAction(undefined);
    setIssued(undefined); // the code leaves the page with the dialog
    setError(undefined);
  };
  const confirm = (): void => {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    const done = (text: string): void => {
      setBusy(false);
      setNotice(text);
      onChanged();
    };
    const failed = (e: unknown): void => {
      setBusy(false);
      // the API's text, and what its reason means here (e.g. NO_CODE: no code was issued yet)
      const reason = e instanceof ApiProblem && e.problem ? e.problem.reason : undefined;
      const why = reason ? r.reasons[reason] : undefined;
      setError(why ? `${problemText(e, labels)} ${why}` : problemText(e, labels));
    };
    if (action === 'revoke') {
      api.revokeAccessCode(caseId).then((x) => {
        done(r.revoked(x.reference));
        setAction(undefined);
      }, failed);
    } else {
      api.reissueAccessCode(caseId).then((x) => {
        done(r.reissued(x.reference));
        setIssued(x);
      }, failed);
    }
  };

  const title = issued ? r.newCode : action === 'revoke' ? r.revoke : r.reissue;
  return (
    <section aria-labelledby="sjv-access-code" data-testid="access-code" style={{ marginTop: 16 }}>
      <h3 id="sjv-access-code" style={{ margin: '0 0 6px', fontSize: 16 }}>
        {r.codeTitle}
      </h3>
      <p>{r.codeIntro}</p>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton text={r.revoke} onClick={() => open('revoke')} />
        <DefaultButton text={r.reissue} onClick={() => open('reissue')} />
      </Stack>
      {notice ? (
        <MessageBar messageBarType={MessageBarType.success} role="status">
          {notice}
        </MessageBar>
      ) : null}
      {action ? (
        <Dialog
          hidden={false}
          onDismiss={() => {
            if (!busy) close();
          }}
          dialogContentProps={{ type: DialogType.normal, title, subText: issued ? undefined : action === 'revoke' ? r.revokeConfirm : r.reissueConfirm }}
          modalProps={{ isBlocking: true }}
          minWidth={420}
        >
          {issued ? (
            <div data-testid="new-access-code">
              <p>
                {reference}:{' '}
                <strong style={{ fontFamily: 'Consolas, "Courier New", monospace', fontSize: 20, letterSpacing: 1 }} data-testid="access-code-value">
                  {issued.code}
                </strong>
              </p>
              <p>{r.newCodeOnce}</p>
            </div>
          ) : null}
          {error ? (
            <MessageBar messageBarType={MessageBarType.error} role="alert">
              {error}
            </MessageBar>
          ) : null}
          <DialogFooter>
            {issued ? (
              <PrimaryButton text={s.close} onClick={close} />
            ) : (
              <>
                <PrimaryButton text={s.confirm} disabled={busy} onClick={confirm} />
                <DefaultButton text={s.cancel} disabled={busy} onClick={close} />
              </>
            )}
          </DialogFooter>
        </Dialog>
      ) : null}
    </section>
  );
}
