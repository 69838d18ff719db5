/**
 * The procesregisseur's "Beheer" tab (issue 16, ADR 0017): the current version of the catalogue (risk
 * signals, forms, protective factors: CatalogueSection.tsx), the local offer (sociale kaart) and the registry
 * of the privacy protocol, with the edits a municipality makes without code — add, relabel or retire a
 * catalogue entry; retire an offer, add one; add an organisation to the protocol, record one leaving. The edits go into a draft; "Opslaan" sends the
 * whole data with the version it was made on (expectedVersion). Someone else's version in between (409
 * REFERENCE.VERSION_CONFLICT) reloads the newest version and says so; REFERENCE.INVALID shows each refused
 * field next to it. The API audits every new version (role, what changed; never a name).
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { ApiProblem, newCommandId } from '@signaalpunt/contract/client';
import type { Partner } from '../dataSource';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import { formatDate } from '../labels';
import type { OfferEntry, ReferenceData, ReferenceDataApi, ReferenceVersion } from '../management/model';
import { addMember, addOffer, fieldErrors, isoDay, removeMember, sameData, setLeftOn, setOfferUntil } from '../management/model';
import type { ManagementStrings } from '../management/strings';
import { MANAGEMENT_STRINGS } from '../management/strings';
import { CatalogueSection } from './CatalogueSection';

export interface ReferenceDataManagementProps {
  api: ReferenceDataApi;
  /** the organisations' names (the registry and the offers name organisations by id). */
  partners: () => Promise<Partner[]>;
  locale: Locale;
  /** a new commandId for a new save (kept across retries of the same save). */
  newCommandId?: () => string;
  /** for tests: a fixed today. */
  today?: Date;
}

type Notice = { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'invalid' } | { kind: 'failed'; text: string } | { kind: 'added' } | { kind: 'addedEntry' } | { kind: 'addedMember' };

interface NewOffer {
  organisationId: string;
  code: string;
  nl: string;
  en: string;
  kind: OfferEntry['kind'] | '';
  minAge: string;
  maxAge: string;
  activeFrom: string;
}
const EMPTY_OFFER: NewOffer = { organisationId: '', code: '', nl: '', en: '', kind: '', minAge: '', maxAge: '', activeFrom: '' };

const cell: React.CSSProperties = { textAlign: 'left', padding: '4px 12px 4px 0', verticalAlign: 'top' };
const errorStyle: React.CSSProperties = { color: '#a4262c', display: 'block', fontSize: 12 };

/** The text of a refused field, or undefined when the field was not refused. */
function issueText(errors: Record<string, string>, path: string, t: ManagementStrings): string | undefined {
  const issue = errors[path];
  return issue === undefined ? undefined : t.issue[issue] || t.issueOther;
}

function FieldError(props: { id: string; text: string | undefined }): React.ReactElement | null {
  return props.text ? (
    <span id={props.id} role="alert" style={errorStyle}>
      {props.text}
    </span>
  ) : null;
}

export function ReferenceDataManagement(props: ReferenceDataManagementProps): React.ReactElement {
  const { api, locale } = props;
  const s = stringsFor(locale);
  const t = MANAGEMENT_STRINGS[locale];
  const lang = locale === 'en-US' ? 'en' : 'nl';
  const today = isoDay(props.today || new Date());
  const [loaded, setLoaded] = React.useState<ReferenceVersion | 'failed' | undefined>(undefined);
  const [draft, setDraft] = React.useState<ReferenceData | undefined>(undefined);
  const [names, setNames] = React.useState<Record<string, string>>({});
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [notice, setNotice] = React.useState<Notice | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [attempt, setAttempt] = React.useState(0);
  const [adding, setAdding] = React.useState<NewOffer>(EMPTY_OFFER);
  const [addMissing, setAddMissing] = React.useState<string[]>([]);
  const [joining, setJoining] = React.useState<{ organisationId: string; joinedOn: string }>({ organisationId: '', joinedOn: '' });
  const [joinMissing, setJoinMissing] = React.useState<string[]>([]);
  const commandId = React.useRef<string | undefined>(undefined);
  const newId = props.newCommandId || newCommandId;

  // loads on mount, on retry and after a save or a conflict (the parent may hand new functions each render)
  const apiRef = React.useRef(api);
  apiRef.current = api;
  const partnersRef = React.useRef(props.partners);
  partnersRef.current = props.partners;
  React.useEffect(() => {
    let live = true;
    apiRef.current.referenceData().then(
      (v) => {
        if (!live) return;
        setLoaded(v);
        setDraft(v.data);
        commandId.current = undefined;
      },
      () => live && setLoaded('failed'),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  React.useEffect(() => {
    let live = true;
    partnersRef.current().then(
      (list) => {
        if (!live) return;
        const byId: Record<string, string> = {};
        for (const p of list) byId[p.id] = p.name;
        setNames(byId);
      },
      () => undefined, // the ids stay readable without names
    );
    return () => {
      live = false;
    };
  }, []);

  const nameOf = (id: string): string => names[id] || id;
  const reload = (): void => {
    setLoaded(undefined);
    setAttempt((n) => n + 1);
  };
  const edit = (next: ReferenceData): void => {
    setDraft(next);
    // a changed draft is a new save: a new commandId
    commandId.current = undefined;
  };

  if (loaded === undefined || (loaded !== 'failed' && !draft)) {
    return (
      <section aria-labelledby="sjv-management" data-testid="reference-management">
        <h2 id="sjv-management" style={{ margin: '0 0 6px', fontSize: 18 }}>
          {t.title}
        </h2>
        {notice && notice.kind === 'conflict' ? (
          <MessageBar messageBarType={MessageBarType.warning} role="alert">
            {t.conflict}
          </MessageBar>
        ) : null}
        <Spinner label={s.loading} />
      </section>
    );
  }
  if (loaded === 'failed' || !draft) {
    return (
      <section aria-labelledby="sjv-management" data-testid="reference-management">
        <h2 id="sjv-management" style={{ margin: '0 0 6px', fontSize: 18 }}>
          {t.title}
        </h2>
        <MessageBar messageBarType={MessageBarType.error} role="alert" actions={<DefaultButton text={s.retry} onClick={reload} />}>
          {t.loadFailed}
        </MessageBar>
      </section>
    );
  }

  const changed = !sameData(draft, loaded.data);
  const save = (): void => {
    if (!commandId.current) commandId.current = newId();
    setBusy(true);
    setNotice(undefined);
    api.changeReferenceData(loaded.version, draft, commandId.current).then(
      (outcome) => {
        setBusy(false);
        setErrors({});
        setNotice({ kind: 'saved', version: outcome.version });
        reload();
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof ApiProblem && e.code === 'REFERENCE.VERSION_CONFLICT') {
          setErrors({});
          setNotice({ kind: 'conflict' });
          reload();
        } else if (e instanceof ApiProblem && e.code === 'REFERENCE.INVALID') {
          setErrors(fieldErrors(e.fields));
          setNotice({ kind: 'invalid' });
          commandId.current = undefined;
        } else {
          // a lost answer keeps the commandId: "Opslaan" again is the same save, run once by the API
          if (!(e instanceof ApiProblem && e.retryable)) commandId.current = undefined;
          setNotice({ kind: 'failed', text: e instanceof ApiProblem ? e.messages[lang] : t.failed });
        }
      },
    );
  };

  const organisations = Array.from(new Set([...draft.registry.map((r) => r.organisationId), ...Object.keys(names)]));
  const submitNew = (): void => {
    const missing: string[] = [];
    if (!adding.organisationId) missing.push(t.fieldOrganisation);
    if (!adding.code.trim()) missing.push(t.fieldCode);
    if (!adding.nl.trim()) missing.push(t.fieldNl);
    if (!adding.en.trim()) missing.push(t.fieldEn);
    if (!adding.kind) missing.push(t.fieldKind);
    if (!/^\d+$/.test(adding.minAge)) missing.push(t.fieldMinAge);
    if (!/^\d+$/.test(adding.maxAge)) missing.push(t.fieldMaxAge);
    setAddMissing(missing);
    if (missing.length > 0 || !adding.kind) return;
    const offer: OfferEntry = {
      organisationId: adding.organisationId,
      code: adding.code.trim(),
      nl: adding.nl.trim(),
      en: adding.en.trim(),
      kind: adding.kind,
      minAge: Number(adding.minAge),
      maxAge: Number(adding.maxAge),
      ...(adding.activeFrom ? { activeFrom: adding.activeFrom } : {}),
    };
    edit(addOffer(draft, offer));
    setAdding(EMPTY_OFFER);
    setNotice({ kind: 'added' });
  };
  const loadedCount = loaded.data.offers.length;
  // organisations the store knows (the partner list) that are not in the registry: they may join
  const candidates = Object.keys(names).filter((id) => !draft.registry.some((r) => r.organisationId === id));
  const submitMember = (): void => {
    const lacking: string[] = [];
    if (!joining.organisationId) lacking.push(t.fieldMember);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(joining.joinedOn)) lacking.push(t.fieldJoined);
    setJoinMissing(lacking);
    if (lacking.length > 0) return;
    edit(addMember(draft, joining.organisationId, joining.joinedOn));
    setJoining({ organisationId: '', joinedOn: '' });
    setNotice({ kind: 'addedMember' });
  };

  return (
    <section aria-labelledby="sjv-management" data-testid="reference-management">
      <h2 id="sjv-management" style={{ margin: '0 0 6px', fontSize: 18 }}>
        {t.title}
      </h2>
      <p style={{ marginTop: 0 }}>{t.intro}</p>
      <p data-testid="reference-version">{t.version(loaded.version)}</p>
      {notice && notice.kind === 'saved' ? <MessageBar messageBarType={MessageBarType.success}>{t.saved(notice.version)}</MessageBar> : null}
      {notice && notice.kind === 'conflict' ? (
        <MessageBar messageBarType={MessageBarType.warning} role="alert">
          {t.conflict}
        </MessageBar>
      ) : null}
      {notice && notice.kind === 'invalid' ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {t.invalid}
        </MessageBar>
      ) : null}
      {notice && notice.kind === 'failed' ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {notice.text}
        </MessageBar>
      ) : null}

      <CatalogueSection draft={draft} loaded={loaded.data} errors={errors} today={today} locale={locale} t={t} edit={edit} onAdded={() => setNotice({ kind: 'addedEntry' })} />
      {notice && notice.kind === 'addedEntry' ? <MessageBar messageBarType={MessageBarType.info}>{t.added}</MessageBar> : null}

      <h3 style={{ fontSize: 16, margin: '16px 0 6px' }} id="sjv-offers">
        {t.offersTitle}
      </h3>
      <table style={{ borderCollapse: 'collapse' }} aria-labelledby="sjv-offers" data-testid="reference-offers">
        <thead>
          <tr>
            <th scope="col" style={cell}>{t.colOrganisation}</th>
            <th scope="col" style={cell}>{t.colOffer}</th>
            <th scope="col" style={cell}>{t.colKind}</th>
            <th scope="col" style={cell}>{t.colAges}</th>
            <th scope="col" style={cell}>{t.colFrom}</th>
            <th scope="col" style={cell}>{t.colUntil}</th>
            <th scope="col" style={cell}>{t.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {draft.offers.map((o, i) => {
            const path = (f: string): string => `data.offers.${i}.${f}`;
            const err = (f: string): React.ReactElement | null => <FieldError id={`sjv-offer-${i}-${f}-error`} text={issueText(errors, path(f), t)} />;
            const original = i < loadedCount ? loaded.data.offers[i] : undefined;
            const retiring = o.activeUntil !== (original && original.activeUntil);
            const label = o[lang];
            return (
              <tr key={`${o.organisationId} ${o.code} ${i}`} data-code={o.code}>
                <td style={cell}>
                  {nameOf(o.organisationId)}
                  {err('organisationId')}
                </td>
                <td style={cell}>
                  {label} <span style={{ color: '#605e5c' }}>({o.code})</span>
                  {original ? null : <em> — {t.newRow}</em>}
                  {err('code')}
                  {err('nl')}
                  {err('en')}
                </td>
                <td style={cell}>
                  {t.kinds[o.kind] || o.kind}
                  {err('kind')}
                </td>
                <td style={cell}>
                  {t.ages(o.minAge, o.maxAge)}
                  {err('minAge')}
                  {err('maxAge')}
                </td>
                <td style={cell}>
                  {o.activeFrom ? formatDate(o.activeFrom, locale) : t.none}
                  {err('activeFrom')}
                </td>
                <td style={cell}>
                  {retiring ? (
                    <TextField
                      type="date"
                      ariaLabel={t.untilLabel(label, nameOf(o.organisationId))}
                      value={o.activeUntil || ''}
                      onChange={(_e, v) => edit(setOfferUntil(draft, i, v || undefined))}
                      errorMessage={issueText(errors, path('activeUntil'), t)}
                    />
                  ) : (
                    <>
                      {o.activeUntil ? formatDate(o.activeUntil, locale) : t.none}
                      {err('activeUntil')}
                    </>
                  )}
                </td>
                <td style={cell}>
                  {retiring && original ? (
                    <DefaultButton text={t.undo} onClick={() => edit(setOfferUntil(draft, i, original.activeUntil))} />
                  ) : !o.activeUntil || o.activeUntil > today ? (
                    <DefaultButton text={t.retireShort} ariaLabel={t.retire(`${label} (${nameOf(o.organisationId)})`)} onClick={() => edit(setOfferUntil(draft, i, today))} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h4 style={{ fontSize: 14, margin: '16px 0 6px' }}>{t.addTitle}</h4>
      <Stack tokens={{ childrenGap: 8 }} styles={{ root: { maxWidth: 480 } }} data-testid="reference-add-offer">
        <Dropdown
          label={t.fieldOrganisation}
          required
          selectedKey={adding.organisationId || null}
          options={organisations.map((id) => ({ key: id, text: nameOf(id) }))}
          onChange={(_e, o) => setAdding({ ...adding, organisationId: o ? String(o.key) : '' })}
        />
        <TextField label={t.fieldCode} required value={adding.code} onChange={(_e, v) => setAdding({ ...adding, code: (v || '').toUpperCase() })} />
        <TextField label={t.fieldNl} required value={adding.nl} onChange={(_e, v) => setAdding({ ...adding, nl: v || '' })} />
        <TextField label={t.fieldEn} required value={adding.en} onChange={(_e, v) => setAdding({ ...adding, en: v || '' })} />
        <Dropdown
          label={t.fieldKind}
          required
          selectedKey={adding.kind || null}
          options={(['help', 'intervention', 'dayActivity'] as const).map((k) => ({ key: k, text: t.kinds[k] }))}
          onChange={(_e, o) => setAdding({ ...adding, kind: o ? (String(o.key) as OfferEntry['kind']) : '' })}
        />
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <TextField label={t.fieldMinAge} required type="number" min={0} max={30} value={adding.minAge} onChange={(_e, v) => setAdding({ ...adding, minAge: v || '' })} />
          <TextField label={t.fieldMaxAge} required type="number" min={0} max={30} value={adding.maxAge} onChange={(_e, v) => setAdding({ ...adding, maxAge: v || '' })} />
        </Stack>
        <TextField label={t.fieldFrom} type="date" value={adding.activeFrom} onChange={(_e, v) => setAdding({ ...adding, activeFrom: v || '' })} />
        {addMissing.length > 0 ? (
          <MessageBar messageBarType={MessageBarType.warning} role="alert">
            {t.addMissing(addMissing.join(', '))}
          </MessageBar>
        ) : null}
        {notice && notice.kind === 'added' ? <MessageBar messageBarType={MessageBarType.info}>{t.added}</MessageBar> : null}
        <div>
          <DefaultButton text={t.add} onClick={submitNew} />
        </div>
      </Stack>

      <h3 style={{ fontSize: 16, margin: '16px 0 6px' }} id="sjv-members">
        {t.registryTitle}
      </h3>
      <table style={{ borderCollapse: 'collapse' }} aria-labelledby="sjv-members" data-testid="reference-registry">
        <thead>
          <tr>
            <th scope="col" style={cell}>{t.colOrganisation}</th>
            <th scope="col" style={cell}>{t.colJoined}</th>
            <th scope="col" style={cell}>{t.colLeft}</th>
            <th scope="col" style={cell}>{t.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {draft.registry.map((r, i) => {
            const original = i < loaded.data.registry.length ? loaded.data.registry[i] : undefined;
            const leaving = !!original && r.leftOn !== original.leftOn;
            const name = nameOf(r.organisationId);
            return (
              <tr key={`${r.organisationId} ${i}`} data-organisation={r.organisationId}>
                <td style={cell}>
                  {name}
                  {original ? null : <em> — {t.newRow}</em>}
                  <FieldError id={`sjv-member-${i}-organisationId-error`} text={issueText(errors, `data.registry.${i}.organisationId`, t)} />
                </td>
                <td style={cell}>
                  {formatDate(r.joinedOn, locale)}
                  <FieldError id={`sjv-member-${i}-joinedOn-error`} text={issueText(errors, `data.registry.${i}.joinedOn`, t)} />
                </td>
                <td style={cell}>
                  {leaving ? (
                    <TextField
                      type="date"
                      ariaLabel={t.leftLabel(name)}
                      value={r.leftOn || ''}
                      onChange={(_e, v) => edit(setLeftOn(draft, i, v || undefined))}
                      errorMessage={issueText(errors, `data.registry.${i}.leftOn`, t)}
                    />
                  ) : (
                    <>
                      {r.leftOn ? formatDate(r.leftOn, locale) : t.none}
                      <FieldError id={`sjv-member-${i}-leftOn-error`} text={issueText(errors, `data.registry.${i}.leftOn`, t)} />
                    </>
                  )}
                </td>
                <td style={cell}>
                  {!original ? (
                    <DefaultButton text={t.undo} ariaLabel={`${t.undo}: ${t.addMember} (${name})`} onClick={() => edit(removeMember(draft, i))} />
                  ) : leaving ? (
                    <DefaultButton text={t.undo} onClick={() => edit(setLeftOn(draft, i, original.leftOn))} />
                  ) : !r.leftOn ? (
                    <DefaultButton text={t.recordLeavingShort} ariaLabel={t.recordLeaving(name)} onClick={() => edit(setLeftOn(draft, i, today))} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h4 style={{ fontSize: 14, margin: '16px 0 6px' }}>{t.memberAddTitle}</h4>
      <Stack tokens={{ childrenGap: 8 }} styles={{ root: { maxWidth: 480 } }} data-testid="reference-add-member">
        {candidates.length === 0 ? (
          <p style={{ margin: 0 }}>{t.noCandidates}</p>
        ) : (
          <>
            <Dropdown
              label={t.fieldMember}
              required
              selectedKey={joining.organisationId || null}
              options={candidates.map((id) => ({ key: id, text: nameOf(id) }))}
              onChange={(_e, o) => setJoining({ ...joining, organisationId: o ? String(o.key) : '' })}
            />
            <TextField label={t.fieldJoined} required type="date" value={joining.joinedOn} onChange={(_e, v) => setJoining({ ...joining, joinedOn: v || '' })} />
            {joinMissing.length > 0 ? (
              <MessageBar messageBarType={MessageBarType.warning} role="alert">
                {t.addMissing(joinMissing.join(', '))}
              </MessageBar>
            ) : null}
            <div>
              <DefaultButton text={t.addMember} onClick={submitMember} />
            </div>
          </>
        )}
        {notice && notice.kind === 'addedMember' ? <MessageBar messageBarType={MessageBarType.info}>{t.added}</MessageBar> : null}
      </Stack>

      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }} styles={{ root: { marginTop: 16 } }}>
        <PrimaryButton text={busy ? t.saving : t.save(loaded.version + 1)} disabled={!changed || busy} onClick={save} />
        <span aria-live="polite">{changed ? t.unsaved : t.noChanges}</span>
      </Stack>
    </section>
  );
}
