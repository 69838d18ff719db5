/**
 * The attendance list of a signaaltafel (issue 16): per organisation of the protocol the role(s) in which
 * it attends — procesregisseur, voorzitter, ketenpartner — never a person's name (the server's schema has
 * no field for one). Saved with the session version the editor started from. Loaded on demand from the
 * side panel when the chair or the procesregisseur opens it.
 */
import { Checkbox, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { Attendee, AttendeeRole } from '../../api';
import { ROLE_LABELS } from '../../../../src/core/vocabulary';
import { ProblemBar } from '../ProblemBar';
import { useEnv } from '../env';
import { adminStrings } from './strings';

interface AttendeesEditorProps {
  meetingId: string;
  version: number;
  organisations: { id: string; name: string }[];
  onDone: (changed: boolean) => void;
}

/**
 * The attendee roles in their order; a Record over the core's AttendeeRole type, so a role added there
 * fails the type check here (the core's ATTENDEE_ROLES lives beside zod, which the tab does not load).
 */
const ROLE_ORDER: Record<AttendeeRole, number> = { procesregisseur: 0, voorzitter: 1, ketenpartner: 2 };
const ATTENDEE_ROLES = (Object.keys(ROLE_ORDER) as AttendeeRole[]).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);

const key = (a: Attendee): string => `${a.organisationId}|${a.role}`;

export default function AttendeesEditor({ meetingId, version, organisations, onDone }: AttendeesEditorProps) {
  const { api, locale } = useEnv();
  const s = adminStrings(locale);
  const [chosen, setChosen] = useState<Set<string> | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [changed, setChanged] = useState(false);
  // the session version this editor saves against: each save answers with the next one
  const [baseVersion, setBaseVersion] = useState(version);
  // the list recorded so far comes with the minutes (organisations and roles only)
  useEffect(() => {
    let live = true;
    api.minutes(meetingId).then(
      (m) => live && setChosen(new Set(m.attendees.map(key))),
      (e: unknown) => live && (setError(e), setChosen(new Set())),
    );
    return () => {
      live = false;
    };
  }, [api, meetingId]);
  const toggle = (k: string, on: boolean) => {
    setSaved(false);
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  };
  const save = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      const attendees: Attendee[] = [];
      for (const o of organisations) for (const role of ATTENDEE_ROLES) if (chosen.has(key({ organisationId: o.id, role }))) attendees.push({ organisationId: o.id, role });
      const m = await api.setAttendees(meetingId, attendees, baseVersion);
      setBaseVersion(m.version);
      setSaved(true);
      setChanged(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      aria-label={s.attendees}
      data-testid="attendees-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <h2 style={{ fontSize: 18, margin: 0 }}>{s.attendees}</h2>
        <Text>{s.attendeesHelp}</Text>
        {chosen &&
          organisations.map((o) => (
            <fieldset key={o.id} style={{ border: 'none', margin: 0, padding: 0 }}>
              <legend style={{ fontWeight: 600, padding: 0 }}>{o.name}</legend>
              <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                {ATTENDEE_ROLES.map((role) => {
                  const k = key({ organisationId: o.id, role });
                  return (
                    <Checkbox
                      key={role}
                      label={ROLE_LABELS[role][locale]}
                      ariaLabel={`${o.name}: ${ROLE_LABELS[role][locale]}`}
                      checked={chosen.has(k)}
                      onChange={(_e, on) => toggle(k, on === true)}
                    />
                  );
                })}
              </Stack>
            </fieldset>
          ))}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton type="submit" text={s.saveAttendees} disabled={busy || !chosen} />
          <DefaultButton text={changed ? s.close : s.cancel} onClick={() => onDone(changed)} />
        </Stack>
        <div role="status" aria-live="polite">
          {saved && <MessageBar messageBarType={MessageBarType.success}>{s.attendeesSaved}</MessageBar>}
        </div>
        <ProblemBar error={error} />
      </Stack>
    </form>
  );
}
