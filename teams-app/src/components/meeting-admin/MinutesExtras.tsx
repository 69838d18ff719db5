/**
 * What the minutes add for issue 16, loaded on demand from MinutesView: the attendance list (organisations
 * and roles, never names) and the download of the minutes as a Word document, rendered by the server per
 * reader as the JSON and Markdown minutes are.
 */
import { DefaultButton, Text } from '@fluentui/react';
import { useState } from 'react';
import type { Minutes } from '../../api';
import { ROLE_LABELS } from '../../../../src/core/vocabulary';
import { ProblemBar } from '../ProblemBar';
import { useEnv } from '../env';
import { adminStrings } from './strings';
import { saveFile } from '../../save-file';

export default function MinutesExtras({ minutes, organisations }: { minutes: Minutes; organisations: { id: string; name: string }[] }) {
  const { api, locale } = useEnv();
  const s = adminStrings(locale);
  const [error, setError] = useState<unknown>();
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const download = async () => {
    setError(undefined);
    try {
      saveFile(await api.minutesDocx(minutes.meetingId, locale), `notulen-signaaltafel-${minutes.scheduledOn}.docx`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <section aria-label={s.attendees} data-testid="minutes-attendees">
        <h3 style={{ fontSize: 16, margin: '8px 0 4px' }}>{s.attendees}</h3>
        {minutes.attendees.length === 0 ? (
          <Text>{s.noAttendees}</Text>
        ) : (
          <ul style={{ margin: '0 0 0 1.2em', padding: 0 }}>
            {minutes.attendees.map((a) => (
              <li key={`${a.organisationId}|${a.role}`}>
                <Text>{`${orgName(a.organisationId)} — ${ROLE_LABELS[a.role][locale]}`}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProblemBar error={error} />
      <DefaultButton text={s.downloadMinutesDocx} onClick={() => void download()} />
    </>
  );
}
