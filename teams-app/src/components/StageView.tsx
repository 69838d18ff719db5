/**
 * The meeting stage: the agenda item the chair shared, as groups A and B only (reference, age band,
 * signals, forms, decisions) — the server's stage view holds nothing else, whoever looks. Follows the
 * chair: re-fetched when the server pushes a change, polled only while the push is down.
 *
 * Deliberately without the overdue badges the side panel shows (allowed as group A, left out to keep the
 * shared screen minimal; the server sends none — the reasons are at MeetingService.stage).
 */
import { Spinner, Stack, Text } from '@fluentui/react';
import { useCallback, useEffect, useState } from 'react';
import type { StageContent } from '../api';
import { ApiProblem } from '../api';
import { CaseFacts } from './CaseFacts';
import { NoAccess } from './NoAccess';
import { ProblemBar } from './ProblemBar';
import { markFirstRender, useEnv } from './env';
import { useLiveRefresh } from './live';

export function StageView({ teamsMeetingId, refreshMs = 3000 }: { teamsMeetingId: string; refreshMs?: number }) {
  const { api, t } = useEnv();
  const [content, setContent] = useState<StageContent | null | undefined>();
  const [error, setError] = useState<unknown>();
  const [denied, setDenied] = useState<'guest' | 'signIn' | undefined>();

  const [meetingId, setMeetingId] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    try {
      const meeting = await api.findMeeting(teamsMeetingId);
      setMeetingId(meeting?.id);
      setContent(meeting ? await api.stage(meeting.id) : null);
      setError(undefined);
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 401 || e.status === 403)) setDenied(e.status === 401 ? 'signIn' : 'guest');
      else if (e instanceof ApiProblem) setError(e);
      else setDenied('signIn');
    }
  }, [api, teamsMeetingId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // the chair's share is pushed: re-fetch at once; polling every refreshMs only while the push is down
  const tick = useCallback(() => void refresh(), [refresh]);
  useLiveRefresh(meetingId, tick, { refreshMs });

  useEffect(() => markFirstRender('sjv:first-render'), []);
  useEffect(() => {
    if (content !== undefined) markFirstRender('sjv:stage-ready');
  }, [content]);

  if (denied) return <NoAccess reason={denied} />;
  if (error && content === undefined) return <ProblemBar error={error} />;
  if (content === undefined) return <Spinner label={t.loading} />;
  const item = content?.item;
  return (
    <main aria-label={t.stageTitle} data-testid="stage" style={{ width: '100%', boxSizing: 'border-box' }}>
      <Stack tokens={{ childrenGap: 16 }} styles={{ root: { padding: '24px 32px' } }}>
        <h1 style={{ fontSize: 24, margin: 0 }}>{t.stageTitle}</h1>
        {!content || content.status !== 'open' ? (
          <Text variant="xLarge">{content ? t.stageClosed : t.noSession}</Text>
        ) : !item ? (
          <Text variant="xLarge">{t.stageNothing}</Text>
        ) : (
          <section aria-label={item.case.reference}>
            <h2 style={{ fontSize: 48, lineHeight: 1.2, margin: '0 0 8px' }}>{`${t.item} ${item.position}: ${item.case.reference}`}</h2>
            <Text variant="xLarge" block styles={{ root: { marginBottom: 16 } }}>{`${t.phase}: ${t.phases[item.case.phase]}`}</Text>
            <CaseFacts concern={item.case.concern} decisions={item.case.frame.decisions ?? []} large />
          </section>
        )}
        <ProblemBar error={error} />
      </Stack>
    </main>
  );
}
