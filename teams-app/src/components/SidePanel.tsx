/**
 * The side panel (and the meeting's content tab): finds the session of this Teams meeting, shows the
 * agenda as the caller may see it, and gives the chair the session controls, the decision forms and
 * "share to stage". Decisions are saved one by one as they are made; the agenda refreshes itself.
 */
import { DefaultButton, PrimaryButton, Spinner, Stack, Text, TextField } from '@fluentui/react';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaView, Me, MeetingSummary, Minutes } from '../api';
import { ApiProblem } from '../api';
import { formatDay } from '../i18n';
import { AgendaEditor } from './AgendaEditor';
import { Agenda } from './Agenda';
import { MinutesView } from './MinutesView';
import { NoAccess } from './NoAccess';
import { ProblemBar } from './ProblemBar';
import { markFirstRender, useEnv } from './env';
import { adminStrings } from './meeting-admin/strings';
import { useLiveRefresh } from './live';

// the attendance list (issue 16): loaded when the chair or the procesregisseur opens it
const AttendeesEditor = lazy(() => import('./meeting-admin/AttendeesEditor'));

export interface SidePanelProps {
  /** the Teams meeting id from the context. */
  teamsMeetingId: string;
  /** puts the stage page on the meeting stage (Teams); a no-op standalone. */
  shareStage: (url: string) => Promise<void>;
  stageUrl: string;
  /** polling interval of the agenda in ms while the push is down; 0 turns refreshing (push and polling) off. */
  refreshMs?: number;
}

type Load = { state: 'loading' } | { state: 'denied'; reason: 'guest' | 'signIn' } | { state: 'failed'; error: unknown } | { state: 'ready' };

const today = (): string => new Date().toISOString().slice(0, 10);

export function SidePanel({ teamsMeetingId, shareStage, stageUrl, refreshMs = 10_000 }: SidePanelProps) {
  const { api, locale, t } = useEnv();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [me, setMe] = useState<Me | undefined>();
  const [meeting, setMeeting] = useState<MeetingSummary | null | undefined>();
  const [view, setView] = useState<AgendaView | undefined>();
  const [editing, setEditing] = useState(false);
  const [attendees, setAttendees] = useState(false);
  const [minutes, setMinutes] = useState<Minutes | undefined>();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [title, setTitle] = useState(t.defaultSessionTitle);
  const busy = useRef(false);
  const meRef = useRef<Me | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      // who the user is and which session this meeting has: asked together (one round trip less).
      const [who, found] = await Promise.all([meRef.current ?? api.me(), api.findMeeting(teamsMeetingId)]);
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
  }, [api, teamsMeetingId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // pushed changes re-fetch at once; polling only while the push is down (and a slow safety poll)
  const tick = useCallback(() => {
    if (!busy.current) void refresh();
  }, [refresh]);
  useLiveRefresh(meeting?.id, tick, { refreshMs, paused: editing });

  // performance marks for the benchmark: the side panel's first render, and its agenda shown with data.
  useEffect(() => markFirstRender('sjv:first-render'), []);
  useEffect(() => {
    if (load.state === 'ready') markFirstRender('sjv:agenda-ready');
  }, [load.state]);

  const act = async (fn: () => Promise<unknown>) => {
    busy.current = true;
    setActionError(undefined);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setActionError(e);
    } finally {
      busy.current = false;
    }
  };

  if (load.state === 'loading') return <Spinner label={t.loading} />;
  if (load.state === 'denied') return <NoAccess reason={load.reason} />;
  if (load.state === 'failed') return <ProblemBar error={load.error} />;

  const isPreparer = me?.user.roles.includes('procesregisseur') ?? false;
  if (!meeting) {
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t.appTitle}</h1>
        <Text>{t.noSession}</Text>
        {isPreparer ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => api.createMeeting({ teamsMeetingId, title: title.trim() || t.defaultSessionTitle, scheduledOn: today() }));
            }}
          >
            <Stack tokens={{ childrenGap: 8 }}>
              <TextField label={t.sessionTitle} value={title} maxLength={120} onChange={(_e, v) => setTitle(v ?? '')} />
              <Stack horizontal>
                <PrimaryButton type="submit" text={t.createSession} />
              </Stack>
            </Stack>
          </form>
        ) : (
          <Text>{t.noSessionAskRegisseur}</Text>
        )}
        <ProblemBar error={actionError} />
      </Stack>
    );
  }

  const roles = view?.roles ?? [];
  const isChair = roles.includes('chair');
  const open = meeting.status === 'open';
  const statusText = meeting.status === 'planned' ? t.statusPlanned : meeting.status === 'open' ? t.statusOpen : t.statusEnded;
  const currentCaseIds = (view?.items ?? []).map((i) => i.case?.id).filter((x): x is string => x !== undefined);
  // what the chair would leave undecided by ending now (the outcome is the chair's own view of each item)
  const undecided = (view?.items ?? []).filter((i) => i.outcome?.visible === true && i.outcome.status === 'notDecided');

  const share = (itemId: string | null) =>
    void act(async () => {
      await api.shareToStage(meeting.id, itemId);
      if (itemId !== null) await shareStage(stageUrl);
    });

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack>
        <h1 style={{ fontSize: 20, margin: 0 }}>{`${t.appTitle}: ${meeting.title}`}</h1>
        <Text>{`${formatDay(meeting.scheduledOn, locale)} · ${statusText}`}</Text>
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        {isChair && meeting.status === 'planned' && <PrimaryButton text={t.startSession} onClick={() => void act(() => api.start(meeting.id))} />}
        {isChair && open && !confirmEnd && <DefaultButton text={t.endSession} onClick={() => setConfirmEnd(true)} />}
        {isPreparer && meeting.status !== 'ended' && !editing && <DefaultButton text={t.editAgenda} onClick={() => setEditing(true)} />}
        {(isChair || isPreparer) && meeting.status !== 'ended' && !attendees && <DefaultButton text={adminStrings(locale).editAttendees} onClick={() => setAttendees(true)} />}
        {meeting.status !== 'planned' && <DefaultButton text={t.showMinutes} onClick={() => void act(async () => setMinutes(await api.minutes(meeting.id)))} />}
      </Stack>
      {confirmEnd && (
        <Stack tokens={{ childrenGap: 8 }} data-testid="confirm-end">
          {undecided.length > 0 && (
            <div role="alert">
              <Text block styles={{ root: { fontWeight: 600 } }}>
                {t.undecidedWarning}
              </Text>
              <ul style={{ margin: '4px 0' }}>
                {undecided.map((i) => (
                  <li key={i.id}>{i.case ? `${t.item} ${i.position}: ${i.case.reference}` : `${t.item} ${i.position}`}</li>
                ))}
              </ul>
              <Text block>{t.undecidedStayOpen}</Text>
            </div>
          )}
          <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
            <Text>{t.confirmEnd}</Text>
            {undecided.length > 0 && (
              <PrimaryButton
                text={t.moveAndEnd}
                onClick={() => {
                  setConfirmEnd(false);
                  void act(async () => setMinutes(await api.end(meeting.id, { moveUndecided: true })));
                }}
              />
            )}
            {undecided.length > 0 ? (
              <DefaultButton
                text={t.endAnyway}
                onClick={() => {
                  setConfirmEnd(false);
                  void act(async () => setMinutes(await api.end(meeting.id)));
                }}
              />
            ) : (
              <PrimaryButton
                text={t.endSession}
                onClick={() => {
                  setConfirmEnd(false);
                  void act(async () => setMinutes(await api.end(meeting.id)));
                }}
              />
            )}
            <DefaultButton text={undecided.length > 0 ? t.backToAgenda : t.cancel} onClick={() => setConfirmEnd(false)} />
          </Stack>
        </Stack>
      )}
      <ProblemBar error={actionError} />
      {attendees && view && (
        <Suspense fallback={<Spinner label={t.loading} />}>
          <AttendeesEditor
            meetingId={meeting.id}
            version={meeting.version}
            organisations={view.organisations}
            onDone={(changed) => {
              setAttendees(false);
              if (changed) void refresh();
            }}
          />
        </Suspense>
      )}
      {minutes && view && <MinutesView minutes={minutes} organisations={view.organisations} />}
      {editing ? (
        <AgendaEditor
          meetingId={meeting.id}
          version={meeting.version}
          current={currentCaseIds}
          onDone={(changed) => {
            setEditing(false);
            if (changed) void refresh();
          }}
        />
      ) : (
        view && (
          <Agenda
            view={view}
            controls={{
              canDecide: isChair && open,
              canShare: isChair && open,
              ...(meeting.stageItemId ? { stageItemId: meeting.stageItemId } : {}),
              onShare: share,
              onChanged: () => void refresh(),
            }}
          />
        )
      )}
    </Stack>
  );
}
