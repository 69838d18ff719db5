/**
 * Keeping a meeting surface current: re-fetch when the server pushes a change of the meeting (its event
 * stream), and poll only as the fallback — every `refreshMs` while the stream is down, every `safetyMs`
 * while it is up (a safety net for a lost event). `refreshMs` 0 turns both off.
 */
import { useEffect, useRef, useState } from 'react';
import { useEnv } from './env';

export function useLiveRefresh(meetingId: string | undefined, refresh: () => void, opts: { refreshMs: number; safetyMs?: number; paused?: boolean }): void {
  const { api } = useEnv();
  const { refreshMs, safetyMs = 60_000, paused = false } = opts;
  const [live, setLive] = useState(false);
  const latest = useRef(refresh);
  const pausedRef = useRef(paused);
  useEffect(() => {
    latest.current = refresh;
    pausedRef.current = paused;
  }, [refresh, paused]);

  useEffect(() => {
    if (!meetingId || !refreshMs || !api.subscribe) return;
    const stop = api.subscribe(meetingId, {
      onChange: () => {
        if (!pausedRef.current) latest.current();
      },
      onLive: setLive,
    });
    return () => {
      stop();
      setLive(false);
    };
  }, [api, meetingId, refreshMs]);

  const every = live ? Math.max(safetyMs, refreshMs) : refreshMs;
  useEffect(() => {
    if (!refreshMs || paused) return;
    const id = setInterval(() => latest.current(), every);
    return () => clearInterval(id);
  }, [every, paused, refreshMs]);
}
