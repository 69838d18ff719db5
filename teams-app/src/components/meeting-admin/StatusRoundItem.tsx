/**
 * A status-round item (Opvolging, Reflectie; issue 16) as the side panel shows it: the actions at status
 * level where the reader's view holds G (what, which organisation, due, status — from the server's
 * meeting view, nothing else), the status note recorded in this session, and for the chair while the
 * session is open the form that records it. Loaded on demand from AgendaItemCard.
 */
import { MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { AgendaItemView } from '../../api';
import { useCodes } from '../../codes';
import { formatDay } from '../../i18n';
import { ProblemBar } from '../ProblemBar';
import { useEnv } from '../env';
import { adminStrings } from './strings';

interface StatusRoundItemProps {
  meetingId: string;
  item: AgendaItemView;
  organisations: { id: string; name: string }[];
  /** the chair (or the procesregisseur) may record the note now: the session is open. */
  canNote: boolean;
  onChanged: () => void;
}

export default function StatusRoundItem({ meetingId, item, organisations, canNote, onChanged }: StatusRoundItemProps) {
  const { api, locale } = useEnv();
  const codes = useCodes();
  const s = adminStrings(locale);
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const actions = item.case?.followUp?.actions;
  const [note, setNote] = useState(item.statusNote ?? '');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  // a note saved elsewhere (another chair, a refresh) is adopted unless the chair is typing
  useEffect(() => {
    if (!dirty) setNote(item.statusNote ?? '');
  }, [item.statusNote, dirty]);
  const heading = item.case ? item.case.reference : String(item.position);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api.recordStatusNote(meetingId, item.id, note.trim());
      setDirty(false);
      setSaved(true);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack tokens={{ childrenGap: 6 }} data-testid="status-round-item">
      {actions !== undefined && (
        <section aria-label={`${s.statusActions}: ${heading}`}>
          <h4 style={{ margin: '8px 0 4px' }}>{s.statusActions}</h4>
          {actions.length === 0 ? (
            <Text>{s.noStatusActions}</Text>
          ) : (
            <ul style={{ margin: '0 0 0 1.2em', padding: 0 }}>
              {actions.map((a, i) => (
                <li key={i}>
                  <Text>{s.actionLine(codes.label('offers', a.offerCode), orgName(a.organisationId), formatDay(a.dueOn, locale), codes.label('actionStatuses', a.status))}</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canNote ? (
        <form
          noValidate
          aria-label={`${s.statusNote}: ${heading}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && note.trim()) void save();
          }}
        >
          <Stack tokens={{ childrenGap: 6 }}>
            <TextField
              label={s.statusNote}
              description={s.statusNoteHelp}
              multiline
              rows={3}
              maxLength={500}
              value={note}
              onChange={(_e, v) => {
                setDirty(true);
                setSaved(false);
                setNote(v ?? '');
              }}
            />
            <Stack horizontal>
              <PrimaryButton type="submit" text={s.saveStatusNote} ariaLabel={`${s.saveStatusNote}: ${heading}`} disabled={busy || note.trim() === ''} />
            </Stack>
            <div role="status" aria-live="polite">
              {saved && <MessageBar messageBarType={MessageBarType.success}>{s.statusNoteSaved}</MessageBar>}
            </div>
            <ProblemBar error={error} />
          </Stack>
        </form>
      ) : (
        <section aria-label={`${s.statusNote}: ${heading}`}>
          <h4 style={{ margin: '8px 0 4px' }}>{s.statusNote}</h4>
          <Text>{item.statusNote ?? s.noStatusNote}</Text>
        </section>
      )}
    </Stack>
  );
}
