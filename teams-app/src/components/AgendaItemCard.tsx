/**
 * One agenda item in the side panel: what the caller's view holds of the case (nothing but its existence
 * when the policy gives their organisation nothing), its overdue deadlines as badges, and for the chair the
 * decision form and the button that puts the item on the meeting stage.
 */
import { DefaultButton, Stack, Text } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { AgendaItemView } from '../api';
import { useCodes } from '../codes';
import { decisionText, followUpText, formatDay } from '../i18n';
import { CaseFacts } from './CaseFacts';
import { AgendaItemSummary } from './AgendaItemSummary';
import { DiscussionForm } from './DiscussionForm';
import { OverdueBadges } from './OverdueBadges';
import { SuspicionForm } from './SuspicionForm';
import { useEnv } from './env';
import { useItemCardStyle } from './item-style';
// the status round's actions and note (issue 16): part of the session's lazily loaded group (parts.ts)
import StatusRoundItem from './meeting-admin/StatusRoundItem';

export interface ItemControls {
  /** the session's id (status round: the note is recorded on the session). */
  meetingId?: string;
  /** the chair may decide now (session open). */
  canDecide: boolean;
  /** the current item is open (the chair's shows its form); the others are one summary line that opens them. */
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
  /** the chair may share (session open). */
  canShare: boolean;
  onStage: boolean;
  onShare: (itemId: string | null) => void;
  onChanged: () => void;
  /** a decision on this item was saved (before the re-fetch). */
  onDecided?: () => void;
}

/** Which decision form the chair can fill in for an item now, if any. */
export function decisionForm(item: AgendaItemView, canDecide: boolean): 'suspicion' | 'discussion' | undefined {
  const v = item.case;
  if (!v || !canDecide) return undefined;
  if (item.part === 'ANONYMOUS_ROUND' && v.phase === 'INBRENG' && v.access.A === 'write') return 'suspicion';
  if (item.part === 'BESPREKING' && v.phase === 'BESPREKING' && v.access.E === 'write') return 'discussion';
  return undefined;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h4 style={{ margin: '8px 0 4px' }}>{title}</h4>
      {children}
    </section>
  );
}

export function AgendaItemCard({ item, organisations, controls }: { item: AgendaItemView; organisations: { id: string; name: string }[]; controls: ItemControls }) {
  const { locale, t } = useEnv();
  const codes = useCodes();
  const cardStyle = useItemCardStyle();
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const v = item.case;
  const heading = v ? `${t.item} ${item.position}: ${v.reference}` : `${t.item} ${item.position}`;
  const outcome = item.outcome?.visible && item.outcome.status === 'decided' ? item.outcome : undefined;
  const form = decisionForm(item, controls.canDecide);
  const saved = () => {
    controls.onDecided?.();
    controls.onChanged();
  };
  const formButtonText = controls.expanded ? t.closeForm : form === 'suspicion' ? t.openSuspicionForm : t.openDiscussionForm;
  if (!controls.expanded) return <AgendaItemSummary item={item} heading={heading} toDecide={form !== undefined} onExpand={() => controls.onExpand(true)} />;
  return (
    <article aria-label={heading} style={cardStyle} data-testid={`agenda-item-${item.position}`}>
      <Stack tokens={{ childrenGap: 6 }}>
        <h3 style={{ margin: 0 }} id={`agenda-item-heading-${item.id}`} tabIndex={-1}>
          {heading}
          {v && <Text variant="small">{` · ${t.phases[v.phase]}`}</Text>}
        </h3>
        <OverdueBadges overdue={item.overdue} />
        {!v && <Text>{item.outcome?.visible ? `${item.outcome.reference}` : t.noContent}</Text>}
        {v && (
          <>
            <CaseFacts concern={v.concern} decisions={v.frame?.decisions} />
            {v.identity && (
              <Section title={t.identity}>
                <Text>{`${v.identity.name} · ${formatDay(v.identity.dateOfBirth, locale)}`}</Text>
              </Section>
            )}
            {v.enrichment && v.enrichment.requests.length > 0 && (
              <Section title={t.enrichment}>
                <ul style={{ margin: '0 0 0 1.2em', padding: 0 }}>
                  {v.enrichment.requests.map((r) => (
                    <li key={r.organisationId}>
                      <Text>
                        {`${orgName(r.organisationId)}: `}
                        {r.answer ? (r.answer.known ? t.known : t.notKnown) : t.awaiting}
                        {r.answer && r.answer.signals.length > 0 ? ` — ${r.answer.signals.map((s) => codes.label('riskSignals', s)).join(', ')}` : ''}
                      </Text>
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            {v.discussion && !(form === 'discussion' && controls.expanded) && (
              <Section title={t.discussion}>
                <Text block>{`${t.lifeDomains}: ${Object.entries(v.discussion.lifeDomains)
                  .filter(([, s]) => s === 'concerning')
                  .map(([c]) => codes.label('lifeDomains', c))
                  .join(', ') || t.none}`}</Text>
                <Text block>{`${t.parties}: ${v.discussion.parties.map(orgName).join(', ') || t.none}`}</Text>
                <Text block>{`${t.followUpOptions}: ${v.discussion.followUpOptions.map((c) => codes.label('offers', c)).join(', ') || t.none}`}</Text>
                {v.discussion.leadOrganisationId && <Text block>{`${t.leadPartner}: ${orgName(v.discussion.leadOrganisationId)}`}</Text>}
              </Section>
            )}
          </>
        )}
        {v && item.part === 'STATUS_ROUND' && controls.meetingId && (
          <StatusRoundItem meetingId={controls.meetingId} item={item} organisations={organisations} canNote={controls.canDecide} onChanged={controls.onChanged} />
        )}
        {outcome && (
          <Section title={t.decidedInSession}>
            <ul style={{ margin: '0 0 0 1.2em', padding: 0 }}>
              {outcome.decisions.map((d, i) => (
                <li key={`d${i}`}>
                  <Text>{decisionText(d.kind, d.outcome, t)}</Text>
                </li>
              ))}
              {outcome.followUp.map((f, i) => (
                <li key={`f${i}`}>
                  <Text>{followUpText(f, t, codes.label)}</Text>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {v && form === 'suspicion' && controls.expanded && <SuspicionForm caseView={v} onSaved={saved} onReload={controls.onChanged} />}
        {v && form === 'discussion' && controls.expanded && (
          <DiscussionForm caseView={v} organisations={organisations} onSaved={saved} onReload={controls.onChanged} />
        )}
        {!form && (
          <Stack horizontal>
            <DefaultButton text={t.collapse} ariaLabel={`${t.collapse}: ${heading}`} aria-expanded onClick={() => controls.onExpand(false)} />
          </Stack>
        )}
        {form && (
          <Stack horizontal>
            <DefaultButton
              text={formButtonText}
              ariaLabel={`${formButtonText}: ${heading}`}
              aria-expanded={controls.expanded}
              onClick={() => controls.onExpand(!controls.expanded)}
            />
          </Stack>
        )}
        {controls.canShare && (
          <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
            {controls.onStage ? (
              <>
                <Text styles={{ root: { fontWeight: 600 } }}>{t.sharedOnStage}</Text>
                <DefaultButton text={t.stopSharing} ariaLabel={`${t.stopSharing}: ${heading}`} onClick={() => controls.onShare(null)} />
              </>
            ) : (
              <DefaultButton text={t.shareToStage} ariaLabel={`${t.shareToStage}: ${heading}`} onClick={() => controls.onShare(item.id)} ariaDescription={t.sharedNotice} />
            )}
          </Stack>
        )}
      </Stack>
    </article>
  );
}
