/** The agenda in two parts: (1) the anonymous round of new concerns, (2) the bespreking. */
import { Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { AgendaView } from '../api';
import type { ItemControls } from './AgendaItemCard';
import { AgendaItemCard, decisionForm } from './AgendaItemCard';
import { useEnv } from './env';

export interface AgendaControls {
  canDecide: boolean;
  canShare: boolean;
  stageItemId?: string;
  onShare: (itemId: string | null) => void;
  onChanged: () => void;
}

export function Agenda({ view, controls }: { view: AgendaView; controls: AgendaControls }) {
  const { t } = useEnv();
  // The chair works through the agenda item by item: the item chosen, else the first one still to decide,
  // shows its form (one form at a time keeps the narrow side panel readable and quick to render).
  const [chosen, setChosen] = useState<string | null | undefined>();
  const firstOpen = view.items.find((i) => decisionForm(i, controls.canDecide) !== undefined)?.id;
  const chosenStillOpen = chosen ? view.items.some((i) => i.id === chosen && decisionForm(i, controls.canDecide) !== undefined) : false;
  const expandedId = chosen === null ? undefined : chosenStillOpen ? chosen : firstOpen;
  if (view.items.length === 0) return <Text>{t.emptyAgenda}</Text>;
  const parts = [
    { part: 'ANONYMOUS_ROUND', title: t.partAnonymous },
    { part: 'BESPREKING', title: t.partBespreking },
  ] as const;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {parts.map(({ part, title }) => {
        const items = view.items.filter((i) => i.part === part);
        if (items.length === 0) return null;
        return (
          <section key={part} aria-label={title}>
            <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{title}</h2>
            <Stack tokens={{ childrenGap: 12 }}>
              {items.map((item) => {
                const c: ItemControls = {
                  canDecide: controls.canDecide,
                  expanded: expandedId === item.id,
                  onExpand: (open) => setChosen(open ? item.id : null),
                  canShare: controls.canShare,
                  onStage: controls.stageItemId === item.id,
                  onShare: controls.onShare,
                  onChanged: controls.onChanged,
                };
                return <AgendaItemCard key={item.id} item={item} organisations={view.organisations} controls={c} />;
              })}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
