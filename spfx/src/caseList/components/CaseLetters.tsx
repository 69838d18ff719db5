/**
 * In the case panel, for the procesregisseur who may write letters (group H) in the case's phase (issue 16):
 * the letters the case allows in its phase, each downloaded as .docx — the API records it as sent in the
 * same step — with the informing deadline beside them and the letters recorded so far. The invitation asks
 * for the meeting's date, time and place. A retry of the same letter sends the same commandId, so the
 * API records it once.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { DownloadedFile, InformingDeadline } from '../accountability';
import type { Labels } from '../labels';
import type { CaseView } from '../dataSource';
import type { Json } from '@signaalpunt/contract/groups';
import type { LetterKind, LetterPreview, LettersApi, Meeting } from '../workbench/model';
import { lettersFor } from '../workbench/model';
import { problemText, randomCommandId } from './CaseDetailPanel';

export interface CaseLettersProps {
  view: CaseView;
  api: LettersApi & { informingDeadlineOf?(reference: string): Promise<InformingDeadline | undefined> };
  labels: Labels;
  /** hands the letter to the browser as a download. */
  save(file: DownloadedFile): void;
  /** after a letter was recorded, with the text to show (the panel reloads the case and its audit trail). */
  onRecorded(notice: string): void;
  newCommandId?: () => string;
}

interface SentLetter {
  kind: string;
  at: string;
}

function sentLetters(view: CaseView): SentLetter[] {
  const list = view.reflection && view.reflection.lettersSent;
  if (!Array.isArray(list)) return [];
  return list
    .filter((x): x is { [key: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x))
    .map((x) => ({ kind: String(x.kind), at: String(x.at) }));
}

function Deadline(props: { view: CaseView; api: CaseLettersProps['api']; labels: Labels }): React.ReactElement {
  const { view, labels } = props;
  const t = labels.s.letters;
  const informedOn = view.frame && typeof view.frame.informedOn === 'string' ? view.frame.informedOn : undefined;
  const [deadline, setDeadline] = React.useState<InformingDeadline | 'none' | 'failed' | undefined>(undefined);
  const load = props.api.informingDeadlineOf;
  React.useEffect(() => {
    let live = true;
    if (informedOn || !load) return undefined;
    load.call(props.api, view.reference).then(
      (d) => live && setDeadline(d || 'none'),
      () => live && setDeadline('failed'),
    );
    return () => {
      live = false;
    };
  }, [view.reference, informedOn]);
  let text: string;
  if (informedOn) text = t.informedOn(labels.date(informedOn));
  else if (deadline === undefined) text = labels.s.loading;
  else if (deadline === 'none') text = t.noDeadline;
  else if (deadline === 'failed') text = t.deadlineUnknown;
  else text = `${t.dueOn(labels.date(deadline.dueOn), deadline.daysLeft)}${deadline.deferred ? ` ${t.deferred}` : ''}`;
  return (
    <p data-testid="informing-deadline" style={{ fontWeight: 600 }}>
      {text}
    </p>
  );
}

export function CaseLetters(props: CaseLettersProps): React.ReactElement {
  const { view, api, labels, save, onRecorded } = props;
  const newCommandId = props.newCommandId || randomCommandId;
  const t = labels.s.letters;
  const [language, setLanguage] = React.useState<'nl' | 'en'>(labels.locale === 'en-US' ? 'en' : 'nl');
  const [meeting, setMeeting] = React.useState<Meeting>({ date: '', time: '', location: '' });
  const [busy, setBusy] = React.useState<LetterKind | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [preview, setPreview] = React.useState<{ kind: LetterKind; letter: LetterPreview } | undefined>(undefined);
  // one commandId per intended letter: a retry after a lost answer is recorded once by the API
  const pending = React.useRef<{ key: string; id: string } | undefined>(undefined);
  const kinds = lettersFor(view.phase);
  const sent = sentLetters(view);
  const meetingReady = meeting.date !== '' && meeting.time !== '' && meeting.location.trim().length >= 2;

  const requestFor = (kind: LetterKind): { kind: LetterKind; locale: 'nl' | 'en'; meeting?: Meeting } => ({
    kind,
    locale: language,
    ...(kind === 'invitation' ? { meeting: { ...meeting, location: meeting.location.trim() } } : {}),
  });
  const { previewLetter } = api;
  const showPreview = (kind: LetterKind): void => {
    if (!previewLetter) return;
    setBusy(kind);
    setError(undefined);
    setPreview(undefined);
    previewLetter.call(api, view.id, requestFor(kind)).then(
      (letter) => {
        setBusy(undefined);
        setPreview({ kind, letter: { title: letter.title, text: letter.text } });
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(problemText(e, labels));
      },
    );
  };

  const make = (kind: LetterKind): void => {
    const body = requestFor(kind);
    const key = JSON.stringify([view.id, body]);
    if (!pending.current || pending.current.key !== key) pending.current = { key, id: newCommandId() };
    setBusy(kind);
    setError(undefined);
    api.generateLetter(view.id, { ...body, commandId: pending.current.id }).then(
      (file) => {
        pending.current = undefined;
        setBusy(undefined);
        save(file);
        onRecorded(t.done(t.kind[kind]));
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(problemText(e, labels));
      },
    );
  };

  return (
    <section aria-labelledby="sjv-letters" data-testid="letters" style={{ marginTop: 16 }}>
      <h3 id="sjv-letters" style={{ margin: '0 0 6px', fontSize: 16 }}>
        {t.title}
      </h3>
      <Deadline view={view} api={api} labels={labels} />
      <p>{t.intro}</p>
      {error ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {error}
        </MessageBar>
      ) : null}
      <Dropdown
        label={t.language}
        selectedKey={language}
        style={{ maxWidth: 240 }}
        options={[
          { key: 'nl', text: t.dutch },
          { key: 'en', text: t.english },
        ]}
        onChange={(_e, o) => o && setLanguage(o.key === 'en' ? 'en' : 'nl')}
      />
      <Stack tokens={{ childrenGap: 12 }} style={{ marginTop: 8 }}>
        {kinds.map((kind) => (
          <div key={kind} role="group" aria-labelledby={`sjv-letter-${kind}`}>
            <h4 id={`sjv-letter-${kind}`} style={{ margin: '4px 0', fontSize: 14 }}>
              {t.kind[kind]}
            </h4>
            {kind === 'invitation' ? (
              <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                <TextField type="date" label={t.meetingDate} required value={meeting.date} onChange={(_e, v) => setMeeting({ ...meeting, date: v || '' })} />
                <TextField type="time" label={t.meetingTime} required value={meeting.time} onChange={(_e, v) => setMeeting({ ...meeting, time: v || '' })} />
                <TextField label={t.meetingLocation} required value={meeting.location} onChange={(_e, v) => setMeeting({ ...meeting, location: v || '' })} />
              </Stack>
            ) : null}
            {kind === 'invitation' && !meetingReady ? <p id="sjv-letter-invitation-missing">{t.meetingMissing}</p> : null}
            {previewLetter ? (
              <DefaultButton
                style={{ marginTop: 6, marginRight: 8 }}
                text={t.preview(t.kind[kind])}
                disabled={busy !== undefined || (kind === 'invitation' && !meetingReady)}
                allowDisabledFocus
                {...(kind === 'invitation' && !meetingReady ? { 'aria-describedby': 'sjv-letter-invitation-missing' } : {})}
                onClick={() => showPreview(kind)}
              />
            ) : null}
            <PrimaryButton
              style={{ marginTop: 6 }}
              allowDisabledFocus
              text={busy === kind ? t.busy : t.download(t.kind[kind])}
              disabled={busy !== undefined || (kind === 'invitation' && !meetingReady)}
              {...(kind === 'invitation' && !meetingReady ? { 'aria-describedby': 'sjv-letter-invitation-missing' } : {})}
              onClick={() => make(kind)}
            />
          </div>
        ))}
      </Stack>
      {preview ? (
        <div role="region" aria-labelledby="sjv-letter-preview" data-testid="letter-preview" style={{ marginTop: 12, padding: 8, border: '1px solid #8a8886' }}>
          <h4 id="sjv-letter-preview" style={{ margin: '0 0 4px', fontSize: 14 }}>
            {t.previewTitle(t.kind[preview.kind])}
          </h4>
          <p style={{ fontStyle: 'italic' }}>{t.previewNote}</p>
          <div style={{ whiteSpace: 'pre-wrap' }}>{preview.letter.text}</div>
        </div>
      ) : null}
      <h4 style={{ margin: '12px 0 4px', fontSize: 14 }}>{t.sent}</h4>
      {sent.length === 0 ? (
        <p>{t.noneSent}</p>
      ) : (
        <ul data-testid="letters-sent">
          {sent.map((l, i) => (
            <li key={i}>{t.sentLine(t.codes[l.kind] || l.kind, labels.dateTime(l.at))}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
