/**
 * The chair's record of a bespreking: life domains, parties, interventions, follow-up options and the
 * lead partner. "Save" keeps the discussion in BESPREKING; "Complete" moves the case to OPVOLGING. Each
 * save carries the case version the chair saw (two chairs: conflict message, not a lost update).
 */
import { Checkbox, DefaultButton, PrimaryButton, Stack, Text } from '@fluentui/react';
import { TabDropdown } from './TabDropdown';
import { useEffect, useState } from 'react';
import type { DiscussionInput, MeetingCaseView } from '../api';
import { isUnanswered, newCommandId } from '../api';
import { activeCodes } from '../../../src/core/catalogue';
import { useCodes } from '../codes';
import { ConflictAction } from './ConflictAction';
import { ProblemBar } from './ProblemBar';
import { useEnv } from './env';

type DomainState = 'concerning' | 'notConcerning' | 'unknown';

interface Draft {
  lifeDomains: Record<string, DomainState>;
  parties: string[];
  interventions: string[];
  followUpOptions: string[];
  lead?: string;
}

function draftFrom(v: MeetingCaseView): Draft {
  const d = v.discussion;
  const lifeDomains: Record<string, DomainState> = {};
  for (const code of activeCodes('lifeDomains')) lifeDomains[code] = d?.lifeDomains[code] ?? 'unknown';
  return {
    lifeDomains,
    parties: [...(d?.parties ?? [])],
    interventions: [...(d?.interventions ?? [])],
    followUpOptions: [...(d?.followUpOptions ?? [])],
    ...(d?.leadOrganisationId ? { lead: d.leadOrganisationId } : {}),
  };
}

const toggle = (xs: string[], x: string, on: boolean): string[] => (on ? [...new Set([...xs, x])] : xs.filter((y) => y !== x));

export function DiscussionForm({
  caseView,
  organisations,
  onSaved,
  onReload,
}: {
  caseView: MeetingCaseView;
  organisations: { id: string; name: string }[];
  onSaved: () => void;
  onReload: () => void;
}) {
  const { api, t } = useEnv();
  const codes = useCodes();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(caseView));
  const [baseVersion, setBaseVersion] = useState(caseView.version);
  const [dirty, setDirty] = useState(false);
  const [commandId, setCommandId] = useState(newCommandId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | undefined>();

  // a newer version arrives (after a save or a reload): adopt it unless the chair is editing.
  useEffect(() => {
    if (!dirty) {
      setBaseVersion(caseView.version);
      setDraft(draftFrom(caseView));
    }
    // re-initialised when the case version changes, not for every new object of the same version.
  }, [caseView.version, dirty]);

  const edit = (change: (d: Draft) => Draft) => {
    setDirty(true);
    setNotice(undefined);
    setDraft((d) => change(d));
  };

  const save = async (complete: boolean) => {
    if (complete && (!draft.lead || !draft.parties.includes(draft.lead))) {
      setError(undefined);
      setNotice(t.leadRequired);
      return;
    }
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const input: DiscussionInput = {
      lifeDomains: draft.lifeDomains,
      parties: draft.parties,
      interventions: draft.interventions,
      followUpOptions: draft.followUpOptions,
      ...(draft.lead && draft.parties.includes(draft.lead) ? { leadOrganisationId: draft.lead } : {}),
      complete,
      expectedVersion: baseVersion,
    };
    try {
      await api.recordDiscussion(caseView.id, input, commandId);
      setCommandId(newCommandId());
      setDirty(false);
      setNotice(t.saved);
      onSaved();
    } catch (e) {
      setError(e);
      if (!isUnanswered(e)) setCommandId(newCommandId());
    } finally {
      setBusy(false);
    }
  };

  const partyOptions = organisations.filter((o) => draft.parties.includes(o.id)).map((o) => ({ key: o.id, text: o.name }));
  return (
    <form
      noValidate
      aria-label={`${t.discussion} ${caseView.reference}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        {/* one multi-select of the concerning life domains, as in the web part (issue 18, item 11) */}
        <TabDropdown
          label={t.concerningLifeDomains}
          multiSelect
          selectedKeys={codes.active('lifeDomains').filter((code) => draft.lifeDomains[code] === 'concerning')}
          options={codes.options('lifeDomains')}
          onChange={(_e, o) => o && edit((d) => ({ ...d, lifeDomains: { ...d.lifeDomains, [String(o.key)]: o.selected ? 'concerning' : 'unknown' } }))}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text variant="mediumPlus">{t.parties}</Text>
          </legend>
          <Stack tokens={{ childrenGap: 4 }}>
            {organisations.map((o) => (
              <Checkbox
                key={o.id}
                label={o.name}
                checked={draft.parties.includes(o.id)}
                onChange={(_e, on) => edit((d) => ({ ...d, parties: toggle(d.parties, o.id, !!on) }))}
              />
            ))}
          </Stack>
        </fieldset>
        <TabDropdown
          label={t.interventions}
          multiSelect
          selectedKeys={draft.interventions}
          options={codes.options('offers')}
          onChange={(_e, o) => o && edit((d) => ({ ...d, interventions: toggle(d.interventions, String(o.key), !!o.selected) }))}
        />
        <TabDropdown
          label={t.followUpOptions}
          multiSelect
          selectedKeys={draft.followUpOptions}
          options={codes.options('offers')}
          onChange={(_e, o) => o && edit((d) => ({ ...d, followUpOptions: toggle(d.followUpOptions, String(o.key), !!o.selected) }))}
        />
        <TabDropdown
          label={t.leadPartner}
          selectedKey={draft.lead && draft.parties.includes(draft.lead) ? draft.lead : null}
          options={partyOptions}
          disabled={partyOptions.length === 0}
          onChange={(_e, o) => edit((d) => ({ ...d, ...(o ? { lead: String(o.key) } : {}) }))}
        />
        {notice && (
          <Text role="status" styles={{ root: { fontWeight: 600 } }}>
            {notice}
          </Text>
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
        <Stack horizontal tokens={{ childrenGap: 8 }} wrap>
          <DefaultButton type="submit" text={t.saveDiscussion} disabled={busy} />
          <PrimaryButton text={t.completeDiscussion} disabled={busy} onClick={() => void save(true)} />
        </Stack>
      </Stack>
    </form>
  );
}
