import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { CaseApi } from '../dataSource';
import type { Labels } from '../labels';
import type { AuditRow } from '../dataSource';
import type { DataGroup } from '@signaalpunt/contract/groups';
import { ApiProblem } from '@signaalpunt/contract/client';

/**
 * An audit purpose as the procesregisseur reads it: the server writes "<command>: <purpose>" and, for a
 * transition, "<command>: <PHASE> → <PHASE>"; the command and the phases become their labels.
 */
export function purposeText(purpose: string, labels: Labels): string {
  const colon = purpose.indexOf(': ');
  const head = colon > 0 ? purpose.slice(0, colon) : '';
  const commands = labels.s.command as Record<string, string | undefined>;
  if (!head || !commands[head]) return purpose;
  const rest = purpose.slice(colon + 2);
  const arrow = /^([A-Z]+) → ([A-Z]+)$/.exec(rest);
  return `${commands[head]}: ${arrow ? `${labels.phase(arrow[1]!)} → ${labels.phase(arrow[2]!)}` : rest}`;
}

const cell: React.CSSProperties = { textAlign: 'left', padding: '2px 8px 2px 0', verticalAlign: 'top' };

export function AuditTrail(props: { caseId: string; api: Pick<CaseApi, 'getAudit'>; labels: Labels; refreshKey: number }): React.ReactElement {
  const { caseId, api, labels, refreshKey } = props;
  const s = labels.s;
  const [rows, setRows] = React.useState<AuditRow[] | undefined>(undefined);
  const [shown, setShown] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    if (!shown) return;
    let live = true;
    api.getAudit(caseId).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError(e instanceof ApiProblem ? (labels.locale === 'en-US' ? e.messages.en : e.messages.nl) : s.errorLoading),
    );
    return () => {
      live = false;
    };
  }, [caseId, shown, refreshKey]);
  if (!shown) return <DefaultButton text={s.showAudit} onClick={() => setShown(true)} />;
  if (error) return <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>;
  if (!rows) return <p>{s.loading}</p>;
  if (rows.length === 0) return <p>{s.auditEmpty}</p>;
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 12, width: '100%' }} data-testid="audit-trail">
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>{s.auditTrail}</caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>{s.auditAt}</th>
          <th scope="col" style={cell}>{s.auditActor}</th>
          <th scope="col" style={cell}>{s.auditRole}</th>
          <th scope="col" style={cell}>{s.auditAction}</th>
          <th scope="col" style={cell}>{s.auditGroups}</th>
          <th scope="col" style={cell}>{s.auditPurpose}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq}>
            <td style={cell}>{labels.dateTime(r.at)}</td>
            <td style={cell}>{r.actorId}</td>
            <td style={cell}>{s.roleName[r.role] || r.role}</td>
            <td style={cell}>{s.auditActionName[r.action] || r.action}</td>
            <td style={cell}>{r.groups.map((g) => s.group[g as DataGroup] || g).join(', ')}</td>
            <td style={cell}>{purposeText(r.purpose, labels)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
