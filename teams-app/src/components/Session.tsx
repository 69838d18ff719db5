/**
 * The side panel once its data is there (./SidePanel.tsx loads and refreshes it): with no session yet, the
 * procesregisseur links one; else the session's title, day and status, the chair's controls (start, end —
 * with the undecided items listed and the offer to move them on), the agenda editor, the minutes and the
 * agenda. Loaded with them (one chunk group, ./session-parts.ts) while the side panel fetches the data (./parts.ts).
 */
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import type { MutableRefObject } from 'react';
import { useState } from 'react';
import type { AgendaView, Me, MeetingSummary, Minutes } from '../api';
import { formatDay } from '../i18n';
import { Agenda } from './Agenda';
import { AgendaEditor } from './AgendaEditor';
import { MinutesView } from './MinutesView';
import { ProblemBar } from './ProblemBar';
import { useEnv } from './env';
import { adminStrings } from './meeting-admin/strings';
import AttendeesEditor from './meeting-admin/AttendeesEditor';

export interface SessionProps {
  teamsMeetingId: string;
  me: Me | undefined;
  /** the session of this meeting; null: none linked yet. */
  meeting: MeetingSummary | null;
  view: AgendaView | undefined;
  /** the agenda editor is open (the side panel pauses refreshing meanwhile). */
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** re-fetches the side panel's data. */
  refresh: () => Promise<void>;
  /** set while an action runs: the side panel's refresh waits for it. */
  busy: MutableRefObject<boolean>;
  shareStage: (url: string) => Promise<void>;
  stageUrl: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

export function Session({ teamsMeetingId, me, meeting, view, editing, setEditing, refresh, busy, shareStage, stageUrl }: SessionProps) {
  const { api, locale, t } = useEnv();
  const [minutes, setMinutes] = useState<Minutes | undefined>();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [attendees, setAttendees] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [title, setTitle] = useState(t.defaultSessionTitle);

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
        <AttendeesEditor
          meetingId={meeting.id}
          version={meeting.version}
          organisations={view.organisations}
          onDone={(changed) => {
            setAttendees(false);
            if (changed) void refresh();
          }}
        />
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
