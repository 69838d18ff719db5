/**
 * The chair's decision on an anonymous case: reasonable suspicion yes/no with a rationale (and an advised
 * route when no). Saved at once with the case version the chair saw: if someone else decided in between,
 * the chair gets a conflict message and the input stays, instead of overwriting.
 */
import { ChoiceGroup, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import { TabDropdown } from './TabDropdown';
import { useEffect, useState } from 'react';
import type { MeetingCaseView } from '../api';
import { isUnanswered, newCommandId } from '../api';
import { useCodes } from '../codes';
import { ProblemBar } from './ProblemBar';
import { useEnv } from './env';
import { ConflictAction } from './ConflictAction';

/** WCAG 2.2 target size (2.5.8): the label a user clicks is at least 24 × 24 CSS px (Fluent's is 20 high). */
const TARGET_24 = { field: { minHeight: 24, minWidth: 48, paddingTop: 2, paddingBottom: 2, boxSizing: 'border-box' as const } };

export function SuspicionForm({ caseView, onSaved, onReload }: { caseView: MeetingCaseView; onSaved: () => void; onReload: () => void }) {
  const { api, t } = useEnv();
  const codes = useCodes();
  const [suspicion, setSuspicion] = useState<'yes' | 'no' | undefined>();
  const [rationale, setRationale] = useState('');
  const [advisedRoute, setAdvisedRoute] = useState<string | undefined>();
  const [aveLevel, setAveLevel] = useState<string | undefined>();
  const [baseVersion, setBaseVersion] = useState(caseView.version);
  const [commandId, setCommandId] = useState(newCommandId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);
  const [dirty, setDirty] = useState(false);

  // a newer version of the case arrives (reload): adopt it unless the chair is editing.
  useEffect(() => {
    if (!dirty) setBaseVersion(caseView.version);
  }, [caseView.version, dirty]);

  const missingRationale = rationale.trim() === '';
  const missingRoute = suspicion === 'no' && !advisedRoute;
  const idPrefix = `susp-${caseView.id}`;

  const submit = async () => {
    setTried(true);
    if (!suspicion || missingRationale || missingRoute) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.decideSuspicion(
        caseView.id,
        {
          suspicion: suspicion === 'yes',
          rationale: rationale.trim(),
          ...(suspicion === 'no' && advisedRoute ? { advisedRoute } : {}),
          ...(suspicion === 'yes' && aveLevel ? { aveLevel } : {}),
          expectedVersion: baseVersion,
        },
        commandId,
      );
      setCommandId(newCommandId());
      setDirty(false);
      onSaved();
    } catch (e) {
      setError(e);
      // a refused command did nothing: a new attempt gets a new id (a network failure keeps it, to retry safely).
      if (!isUnanswered(e)) setCommandId(newCommandId());
    } finally {
      setBusy(false);
    }
  };

  const touch = () => setDirty(true);
  return (
    <form
      noValidate
      aria-label={`${t.suspicionLegend} ${caseView.reference}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <ChoiceGroup
          label={t.suspicionLegend}
          required
          selectedKey={suspicion ?? null}
          options={[
            { key: 'yes', text: t.yes, id: `${idPrefix}-yes`, styles: TARGET_24 },
            { key: 'no', text: t.no, id: `${idPrefix}-no`, styles: TARGET_24 },
          ]}
          onChange={(_e, o) => {
            touch();
            setSuspicion(o?.key === 'yes' ? 'yes' : 'no');
          }}
        />
        {tried && !suspicion && (
          <Text role="alert" styles={{ root: { color: 'inherit', fontWeight: 600 } }}>
            {t.required}
          </Text>
        )}
        <TextField
          label={t.rationale}
          required
          multiline
          autoAdjustHeight
          maxLength={500}
          value={rationale}
          onChange={(_e, v) => {
            touch();
            setRationale(v ?? '');
          }}
          errorMessage={tried && missingRationale ? t.required : undefined}
        />
        {suspicion === 'no' && (
          <TabDropdown
            label={t.advisedRoute}
            required
            selectedKey={advisedRoute ?? null}
            options={codes.options('advisedRoutes')}
            onChange={(_e, o) => {
              touch();
              setAdvisedRoute(o ? String(o.key) : undefined);
            }}
            errorMessage={tried && missingRoute ? t.required : undefined}
          />
        )}
        {suspicion === 'yes' && (
          <TabDropdown
            label={t.aveLevel}
            selectedKey={aveLevel ?? null}
            options={['1', '2'].map((code) => ({ key: code, text: codes.label('aveLevels', code) }))}
            onChange={(_e, o) => {
              touch();
              setAveLevel(o ? String(o.key) : undefined);
            }}
          />
        )}
        <ProblemBar error={error}>
          <ConflictAction
            error={error}
            onReload={() => {
              setDirty(false);
              setError(undefined);
              onReload();
            }}
          />
        </ProblemBar>
        <Stack horizontal>
          <PrimaryButton type="submit" text={t.recordDecision} disabled={busy} />
        </Stack>
      </Stack>
    </form>
  );
}
