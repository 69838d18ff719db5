/** The agenda in two parts: (1) the anonymous round of new concerns, (2) the bespreking. */
import { DefaultButton, PrimaryButton, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { AgendaView } from '../api';
import type { ItemControls } from './AgendaItemCard';
import { AgendaItemCard, decisionForm } from './AgendaItemCard';
import { markFirstRender, useEnv } from './env';

export interface AgendaControls {
  canDecide: boolean;
  canShare: boolean;
  stageItemId?: string;
  onShare: (itemId: string | null) => void;
  onChanged: () => void;
}

export function Agenda({ view, controls }: { view: AgendaView; controls: AgendaControls }) {
  const { t } = useEnv();
  // One item is open at a time, the others are one summary line each (the side panel is 320 px wide): the
  // item chosen, else for the chair the first one still to decide (its form), else the one on the stage.
  const [chosen, setChosen] = useState<string | null | undefined>();
  const firstOpen = view.items.find((i) => decisionForm(i, controls.canDecide) !== undefined)?.id;
  const chosenExists = chosen ? view.items.some((i) => i.id === chosen) : false;
  const expandedId = chosen === null ? undefined : chosenExists ? chosen : (firstOpen ?? controls.stageItemId);
  // "Volgende delen": the item after the one on the stage (agenda order), or the open item when nothing is shared yet.
  const stageIndex = view.items.findIndex((i) => i.id === controls.stageItemId);
  const shareCandidate = stageIndex >= 0 ? view.items[stageIndex + 1] : view.items.find((i) => i.id === expandedId) ?? view.items[0];
  // After a decision: once the re-fetched agenda shows it, move focus to the next item still to decide,
  // say so in a live region, and offer to share that item on the stage.
  const [decided, setDecided] = useState<string | undefined>();
  const [next, setNext] = useState<{ message: string; itemId?: string }>();
  const headingOf = (id: string): string => {
    const item = view.items.find((i) => i.id === id);
    if (!item) return '';
    return item.case ? `${t.item} ${item.position}: ${item.case.reference}` : `${t.item} ${item.position}`;
  };
  useEffect(() => {
    if (!decided) return;
    const stillOpen = view.items.some((i) => i.id === decided && decisionForm(i, controls.canDecide) !== undefined);
    if (stillOpen) return; // the re-fetch has not arrived yet
    setDecided(undefined);
    setChosen(undefined);
    const following = view.items.find((i) => decisionForm(i, controls.canDecide) !== undefined);
    setNext(
      following
        ? { message: `${t.decisionRecordedFor} ${headingOf(decided)}. ${t.nextItem}: ${headingOf(following.id)}.`, itemId: following.id }
        : { message: `${t.decisionRecordedFor} ${headingOf(decided)}. ${t.allItemsDecided}` },
    );
    if (following) document.getElementById(`agenda-item-heading-${following.id}`)?.focus();
    // headingOf reads the same view; controls.canDecide is stable while a session is open
  }, [decided, view]);
  // for the benchmark: the side panel's agenda shown with its data.
  useEffect(() => markFirstRender('sjv:agenda-ready'), []);
  if (view.items.length === 0) return <Text>{t.emptyAgenda}</Text>;
  const parts = [
    { part: 'ANONYMOUS_ROUND', title: t.partAnonymous },
    { part: 'BESPREKING', title: t.partBespreking },
    { part: 'STATUS_ROUND', title: t.partStatusRound },
  ] as const;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {controls.canShare && shareCandidate && (
        <Stack horizontal>
          <PrimaryButton
            text={t.shareNextShort}
            ariaLabel={`${t.shareNextShort}: ${headingOf(shareCandidate.id)}`}
            onClick={() => {
              setChosen(shareCandidate.id);
              controls.onShare(shareCandidate.id);
            }}
          />
        </Stack>
      )}
      <div role="status" aria-live="polite" data-testid="agenda-progress">
        {next && (
          <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
            <Text>{next.message}</Text>
            {next.itemId && controls.canShare && controls.stageItemId !== next.itemId && (
              <DefaultButton text={t.shareNext} ariaLabel={`${t.shareNext}: ${headingOf(next.itemId)}`} onClick={() => controls.onShare(next.itemId!)} />
            )}
          </Stack>
        )}
      </div>
      {parts.map(({ part, title }) => {
        const items = view.items.filter((i) => i.part === part);
        if (items.length === 0) return null;
        return (
          <section key={part} aria-label={title}>
            <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{title}</h2>
            <Stack tokens={{ childrenGap: 12 }}>
              {items.map((item) => {
                const c: ItemControls = {
                  meetingId: view.meeting.id,
                  canDecide: controls.canDecide,
                  expanded: expandedId === item.id,
                  onExpand: (open) => setChosen(open ? item.id : null),
                  canShare: controls.canShare,
                  onStage: controls.stageItemId === item.id,
                  onShare: controls.onShare,
                  onChanged: controls.onChanged,
                  onDecided: () => setDecided(item.id),
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
