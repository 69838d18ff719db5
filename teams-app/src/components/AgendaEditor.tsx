/** The procesregisseur prepares the agenda: which cases in Inbreng and Bespreking are discussed, in order. */
import { Checkbox, DefaultButton, PrimaryButton, Spinner, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { CaseSummary } from '../api';
import { useCodes } from '../codes';
import { ConflictAction } from './ConflictAction';
import { OverdueBadges } from './OverdueBadges';
import { ProblemBar } from './ProblemBar';
import { useEnv } from './env';

export function AgendaEditor({ meetingId, version, current, onDone }: { meetingId: string; version: number; current: string[]; onDone: (changed: boolean) => void }) {
  const { api, t } = useEnv();
  const codes = useCodes();
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [chosen, setChosen] = useState<string[]>(current);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.candidates().then(setCases, setError);
  }, [api]);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // anonymous round first, then the bespreking; the server keeps that order too.
      await api.setAgenda(meetingId, chosen, version);
      onDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t.editAgenda}>
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t.agendaCandidates}</h2>
      {!cases && !error && <Spinner label={t.loading} />}
      {cases && cases.length === 0 && <Text>{t.noCandidates}</Text>}
      <Stack tokens={{ childrenGap: 6 }}>
        {(cases ?? []).map((c) => (
          <Stack key={c.id} horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <Checkbox
              label={`${c.reference} · ${t.phases[c.phase]}${c.ageBand ? ` · ${codes.label('ageBands', c.ageBand)}` : ''}`}
              checked={chosen.includes(c.id)}
              onChange={(_e, on) => setChosen((xs) => (on ? [...xs, c.id] : xs.filter((x) => x !== c.id)))}
            />
            <OverdueBadges overdue={c.overdue} />
          </Stack>
        ))}
      </Stack>
      <ProblemBar error={error}>
        <ConflictAction error={error} onReload={() => onDone(true)} />
      </ProblemBar>
      <Stack horizontal tokens={{ childrenGap: 8 }} styles={{ root: { marginTop: 8 } }}>
        <PrimaryButton text={t.saveAgenda} disabled={busy || !cases} onClick={() => void save()} />
        <DefaultButton text={t.cancel} onClick={() => onDone(false)} />
      </Stack>
    </section>
  );
}
