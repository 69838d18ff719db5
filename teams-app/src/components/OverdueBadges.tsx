/**
 * The overdue flags of an agenda item's case as badges: the informing deadline (one month after identity
 * capture, or the recorded deferral date) and an open enrichment request's due date. The server decides
 * (overdueFlags in the core, the same rule as the API list and the web part); this only shows them.
 */
import { Icon } from '@fluentui/react';
import type { OverdueFlags } from '../api';
import { useEnv } from './env';

const listStyle = { display: 'flex', flexWrap: 'wrap', gap: 6, listStyle: 'none', margin: 0, padding: 0 } as const;
// White on dark red (7:1) reads in every Teams theme; the border keeps the badge's outline in forced colours.
const badgeStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  padding: '2px 8px',
  borderRadius: 10,
  border: '1px solid #a4262c',
  background: '#a4262c',
  color: '#ffffff',
  fontSize: 12,
  fontWeight: 600,
  lineHeight: '16px',
} as const;

export function OverdueBadges({ overdue }: { overdue: OverdueFlags | undefined }) {
  const { t } = useEnv();
  const flags = [overdue?.informing ? t.overdueInforming : undefined, overdue?.enrichment ? t.overdueEnrichment : undefined].filter((f): f is string => f !== undefined);
  if (flags.length === 0) return null;
  return (
    <ul aria-label={t.deadlines} style={listStyle} data-testid="overdue-flags">
      {flags.map((f) => (
        <li key={f} style={badgeStyle} data-overdue="true">
          <Icon iconName="Warning" aria-hidden="true" />
          {f}
        </li>
      ))}
    </ul>
  );
}
