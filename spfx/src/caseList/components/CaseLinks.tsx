/**
 * Linked cases in the case panel, for the procesregisseur (issue 16, ADR 0018): the cases this one is
 * linked to — kenmerk and phase, each opening that case —, unlinking, linking to a kenmerk typed in, and
 * linking at once to a similar concern of the same organisation. The link itself is the view's (group A, full
 * frame); the linked cases' phases come from the case list, and the similar concerns from the API's read
 * (GET …/similar-cases: the core's duplicate-hint rule, src/core/similar-concerns.ts — the web part decides
 * nothing about similarity); groups A and B only, nothing audited is read from here.
 */
import * as React from 'react';
import { ActionButton, DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { PhaseCode } from '@signaalpunt/contract/vocabulary';
import type { CaseSummary, CaseView, CommandOutcome, ListFilter } from '../dataSource';
import type { LinkCommand } from '../commandForms';
import type { SimilarCase } from '../workbench/model';
import type { Labels } from '../labels';
import { problemText } from './CaseDetailPanel';

export interface CaseLinksApi {
  execute(name: LinkCommand, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome>;
  listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }>;
  /** the concerns similar to the case (the core's rule), where the source offers them. */
  similarCases?(caseId: string): Promise<SimilarCase[]>;
}

export interface CaseLinksProps {
  view: CaseView;
  api: CaseLinksApi;
  labels: Labels;
  newCommandId(): string;
  /** after a link was made or removed (the panel reads the case again). */
  onChanged(outcome: CommandOutcome): void;
  /** opens a linked case in the panel. */
  onOpen?(caseId: string): void;
}

interface Link {
  caseId: string;
  reference: string;
}

/** The links of the view's frame, field by field (the view holds them only for a reader of the full frame). */
function linksOf(view: CaseView): Link[] {
  const raw = view.frame && view.frame.links;
  if (!Array.isArray(raw)) return [];
  const out: Link[] = [];
  for (const l of raw) {
    if (l && typeof l === 'object' && !Array.isArray(l) && typeof l.caseId === 'string' && typeof l.reference === 'string') out.push({ caseId: l.caseId, reference: l.reference });
  }
  return out;
}

export function CaseLinks(props: CaseLinksProps): React.ReactElement {
  const { view, api, labels, newCommandId, onChanged, onOpen } = props;
  const t = labels.s.links;
  const links = linksOf(view);
  const [phases, setPhases] = React.useState<Record<string, PhaseCode>>({});
  const [similar, setSimilar] = React.useState<SimilarCase[]>([]);
  const [reference, setReference] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const pending = React.useRef<{ key: string; id: string } | undefined>(undefined);

  React.useEffect(() => {
    let live = true;
    // each linked case's phase, from the list (A and B only)
    Promise.all(links.map((l) => api.listCases({ reference: l.reference, limit: 1, offset: 0 }).then((r) => r.items.filter((x) => x.id === l.caseId)[0], () => undefined))).then((rows) => {
      if (!live) return;
      const next: Record<string, PhaseCode> = {};
      for (const r of rows) if (r) next[r.id] = r.phase;
      setPhases(next);
    });
    // the similar concerns: the API answers them by the core's rule, without this case and its linked cases
    if (api.similarCases) {
      api.similarCases(view.id).then(
        (items) => live && setSimilar(items),
        () => live && setSimilar([]),
      );
    }
    return () => {
      live = false;
    };
  }, [view.id, view.version]);

  const run = (name: LinkCommand, linkedReference: string): void => {
    const body = { expectedVersion: view.version, linkedReference };
    // one commandId per intended command: a retry of the same link sends the same id (the server replays it)
    const key = JSON.stringify([name, view.id, body]);
    if (!pending.current || pending.current.key !== key) pending.current = { key, id: newCommandId() };
    setBusy(true);
    setError(undefined);
    api.execute(name, view.id, { commandId: pending.current.id, ...body }).then(
      (outcome) => {
        pending.current = undefined;
        setBusy(false);
        setReference('');
        onChanged(outcome);
      },
      (e: unknown) => {
        setBusy(false);
        setError(problemText(e, labels));
      },
    );
  };

  const typed = reference.trim().toUpperCase();
  return (
    <section aria-labelledby="sjv-links" data-testid="case-links" style={{ marginTop: 16 }}>
      <h3 id="sjv-links" style={{ margin: '0 0 6px', fontSize: 16 }}>
        {t.title}
      </h3>
      {links.length === 0 ? <p>{t.none}</p> : null}
      {links.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="case-links-list">
          {links.map((l) => (
            <li key={l.caseId}>
              <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
                {onOpen ? (
                  <ActionButton onClick={() => onOpen(l.caseId)} title={t.open(l.reference)}>
                    {t.line(l.reference, phases[l.caseId] ? labels.phase(phases[l.caseId]!) : null)}
                  </ActionButton>
                ) : (
                  <span>{t.line(l.reference, phases[l.caseId] ? labels.phase(phases[l.caseId]!) : null)}</span>
                )}
                <DefaultButton text={t.unlink} ariaLabel={t.unlinkLabel(l.reference)} disabled={busy} onClick={() => run('unlinkCases', l.reference)} />
              </Stack>
            </li>
          ))}
        </ul>
      ) : null}
      {similar.length > 0 ? (
        <div data-testid="case-links-similar" style={{ marginTop: 8 }}>
          <h4 style={{ margin: '0 0 4px', fontSize: 14 }}>{t.similarTitle}</h4>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {similar.map((c) => (
              <li key={c.caseId}>
                <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  <span>{t.similarLine(c.reference, labels.date(c.createdAt))}</span>
                  <DefaultButton text={t.link} ariaLabel={t.linkLabel(c.reference)} disabled={busy} onClick={() => run('linkCases', c.reference)} />
                </Stack>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }} style={{ marginTop: 8 }}>
        <TextField label={t.reference} placeholder="SJV-2026-0001" value={reference} onChange={(_e, v) => setReference(v || '')} disabled={busy} />
        <PrimaryButton text={t.link} ariaLabel={typed ? t.linkLabel(typed) : t.link} disabled={busy || typed.length === 0} onClick={() => run('linkCases', typed)} />
      </Stack>
      {error ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {error}
        </MessageBar>
      ) : null}
    </section>
  );
}
