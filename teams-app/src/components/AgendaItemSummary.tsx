/**
 * One agenda item folded to a single line: "Agendapunt 2: SJV-… · Bespreking · nog te besluiten", its
 * overdue badges, and a disclosure button that opens it. The side panel is 320 px wide in Teams; with
 * every item open it ran to about 2,000 px (issue 18, item 9), so only the current item is open.
 */
import { ActionButton, Text } from '@fluentui/react';
import type { AgendaItemView } from '../api';
import { decisionText } from '../i18n';
import { OverdueBadges } from './OverdueBadges';
import { useEnv } from './env';
import { useItemCardStyle } from './item-style';

/** The one-line status of an item: the last decision this session took, else whether the chair still decides it, else its phase. */
export function itemStatus(item: AgendaItemView, toDecide: boolean, t: ReturnType<typeof useEnv>['t']): string {
  const outcome = item.outcome?.visible && item.outcome.status === 'decided' ? item.outcome : undefined;
  const last = outcome?.decisions[outcome.decisions.length - 1];
  if (last) return decisionText(last.kind, last.outcome, t);
  if (toDecide) return t.toDecide;
  return item.case ? t.phases[item.case.phase] : '';
}

export function AgendaItemSummary({ item, heading, toDecide, onExpand }: { item: AgendaItemView; heading: string; toDecide: boolean; onExpand: () => void }) {
  const { t } = useEnv();
  const style = useItemCardStyle();
  if (!item.case) {
    // nothing to open: the line says that the item exists and no more
    return (
      <article aria-label={heading} style={{ ...style, padding: '6px 12px' }} data-testid={`agenda-item-${item.position}`} data-collapsed="true">
        <Text block styles={{ root: { fontWeight: 600 } }}>
          {heading}
        </Text>
        <Text block>{item.outcome?.visible ? item.outcome.reference : t.noContent}</Text>
      </article>
    );
  }
  const status = itemStatus(item, toDecide, t);
  return (
    <article aria-label={heading} style={{ ...style, padding: '2px 4px' }} data-testid={`agenda-item-${item.position}`} data-collapsed="true">
      <ActionButton
        id={`agenda-item-heading-${item.id}`}
        aria-expanded={false}
        onClick={onExpand}
        iconProps={{ iconName: 'ChevronDown' }}
        styles={{ root: { width: '100%', height: 'auto', minHeight: 32, textAlign: 'left' }, label: { margin: '0 4px', whiteSpace: 'normal' } }}
      >
        <span>
          <span style={{ fontWeight: 600 }}>{heading}</span>
          {` · ${status}`}
        </span>
      </ActionButton>
      <OverdueBadges overdue={item.overdue} />
    </article>
  );
}
