/**
 * The side panel (and the meeting's content tab): finds the session of this Teams meeting and keeps it
 * current (pushed changes, polling as the fallback); shows the loading state, "no access" or the problem,
 * and once the data is there the session (./Session.tsx): the agenda as the caller may see it, the chair's
 * session controls, decision forms and "share to stage".
 * Its first render (the loading state) needs none of the session's code: the session with the agenda, the
 * chair's forms, the agenda editor and the minutes, "no access" and a problem are one chunk group of their
 * own (./parts.ts, ./session-parts.ts), loaded while the data is fetched.
 * It may render before the host has said which meeting this is (the shell of ../App.tsx): it shows its
 * loading state and asks who the user is at once; the meeting's session once the id is given.
 */
import { Spinner } from '@fluentui/react/lib/Spinner';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaView, Me, MeetingSummary } from '../api';
import { ApiProblem } from '../api';
import { markFirstRender, useEnv } from './env';
import { useLiveRefresh } from './live';
import { NoAccessPart, ProblemPart, SessionPart } from './parts';

export interface SidePanelProps {
  /** the Teams meeting id from the context; undefined while the host has not answered yet. */
  teamsMeetingId?: string;
  /** puts the stage page on the meeting stage (Teams); a no-op standalone. */
  shareStage: (url: string) => Promise<void>;
  stageUrl: string;
  /** polling interval of the agenda in ms while the push is down; 0 turns refreshing (push and polling) off. */
  refreshMs?: number;
}

type Load = { state: 'loading' } | { state: 'denied'; reason: 'guest' | 'signIn' } | { state: 'failed'; error: unknown } | { state: 'ready' };

export function SidePanel({ teamsMeetingId, shareStage, stageUrl, refreshMs = 10_000 }: SidePanelProps) {
  const { api, t } = useEnv();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [me, setMe] = useState<Me | undefined>();
  const [meeting, setMeeting] = useState<MeetingSummary | null | undefined>();
  const [view, setView] = useState<AgendaView | undefined>();
  const [editing, setEditing] = useState(false);
  const busy = useRef(false);
  const meRef = useRef<Me | undefined>(undefined);
  /** who the user is, asked (once at a time) as soon as the side panel renders — before the meeting id is known. */
  const asking = useRef<Promise<Me> | undefined>(undefined);
  const askMe = useCallback((): Promise<Me> => {
    if (meRef.current) return Promise.resolve(meRef.current);
    if (!asking.current) {
      const p = api.me();
      asking.current = p;
      // a failed answer is asked again at the next refresh
      p.catch(() => {
        if (asking.current === p) asking.current = undefined;
      });
    }
    return asking.current;
  }, [api]);

  const refresh = useCallback(async () => {
    if (teamsMeetingId === undefined) return;
    try {
      // who the user is and which session this meeting has: asked together (one round trip less).
      const [who, found] = await Promise.all([askMe(), api.findMeeting(teamsMeetingId)]);
      if (!meRef.current) {
        meRef.current = who;
        setMe(who);
      }
      setMeeting(found ?? null);
      if (found) setView(await api.agenda(found.id));
      setLoad({ state: 'ready' });
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 401 || e.status === 403)) setLoad({ state: 'denied', reason: e.status === 401 ? 'signIn' : 'guest' });
      else if (e instanceof ApiProblem) setLoad({ state: 'failed', error: e });
      else setLoad({ state: 'denied', reason: 'signIn' });
    }
  }, [api, askMe, teamsMeetingId]);

  useEffect(() => {
    askMe().catch(() => undefined);
  }, [askMe]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // the session's chunks (with the agenda and the chair's forms) arrive while the data is fetched (a failed
  // load is tried again at render) — once the meeting is known: before that, the main thread is teams-js's,
  // whose answer the data waits for (running the session's chunks, about 230 KB of script, there delayed
  // Teams' initialize by about 100 ms in the benchmark).
  const known = teamsMeetingId !== undefined;
  useEffect(() => {
    if (known) SessionPart.preload().catch(() => undefined);
  }, [known]);

  // pushed changes re-fetch at once; polling only while the push is down (and a slow safety poll)
  const tick = useCallback(() => {
    if (!busy.current) void refresh();
  }, [refresh]);
  useLiveRefresh(meeting?.id, tick, { refreshMs, paused: editing });

  // performance marks for the benchmark: the side panel's first render, and its agenda shown with data.
  useEffect(() => markFirstRender('sjv:first-render'), []);
  // (with an agenda, the agenda itself marks when it is shown: its chunk may arrive after the data.)
  useEffect(() => {
    if (load.state === 'ready' && !view) markFirstRender('sjv:agenda-ready');
  }, [load.state, view]);

  if (load.state === 'loading') return <Spinner label={t.loading} />;
  if (load.state === 'denied') return <NoAccessPart.Part reason={load.reason} />;
  if (load.state === 'failed') return <ProblemPart.Part error={load.error} />;
  if (teamsMeetingId === undefined) return <Spinner label={t.loading} />; // (not reached: ready needs the id)
  return (
    <SessionPart.Part
      teamsMeetingId={teamsMeetingId}
      me={me}
      meeting={meeting ?? null}
      view={view}
      editing={editing}
      setEditing={setEditing}
      refresh={refresh}
      busy={busy}
      shareStage={shareStage}
      stageUrl={stageUrl}
    />
  );
}
