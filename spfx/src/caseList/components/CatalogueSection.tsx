/**
 * The catalogue part of the "Beheer" tab (issue 16, ADR 0017): the risk signals, forms and protective
 * factors of the draft, by kind — a label changed (the code stays, so old cases keep pointing at it), an
 * entry retired from a day on (it stays in the data: old cases still show its label), a new entry added
 * (code + Dutch and English label). Edits go into the parent's draft; the parent saves. Loaded with the tab.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { Locale } from '../i18n';
import { formatDate } from '../labels';
import type { CatalogueKind, ReferenceData } from '../management/model';
import { CATALOGUE_KINDS, CODE_PATTERN, addEntry, catalogueOrder, setEntryLabels, setEntryUntil } from '../management/model';
import type { ManagementStrings } from '../management/strings';

export interface CatalogueSectionProps {
  draft: ReferenceData;
  loaded: ReferenceData;
  /** REFERENCE.INVALID's fields by path (`data.catalogue.3.code`) → issue code. */
  errors: Record<string, string>;
  today: string;
  locale: Locale;
  t: ManagementStrings;
  edit(next: ReferenceData): void;
  /** tells the parent an entry was added to the draft (its notice). */
  onAdded(): void;
}

interface NewEntry {
  kind: CatalogueKind | '';
  code: string;
  nl: string;
  en: string;
  activeFrom: string;
}
const EMPTY: NewEntry = { kind: '', code: '', nl: '', en: '', activeFrom: '' };

const cell: React.CSSProperties = { textAlign: 'left', padding: '4px 12px 4px 0', verticalAlign: 'top' };
const errorStyle: React.CSSProperties = { color: '#a4262c', display: 'block', fontSize: 12 };

function issueText(errors: Record<string, string>, path: string, t: ManagementStrings): string | undefined {
  const issue = errors[path];
  return issue === undefined ? undefined : t.issue[issue] || t.issueOther;
}

export function CatalogueSection(props: CatalogueSectionProps): React.ReactElement {
  const { draft, loaded, errors, today, locale, t, edit } = props;
  const lang = locale === 'en-US' ? 'en' : 'nl';
  const [relabelling, setRelabelling] = React.useState<Record<number, boolean>>({});
  const [adding, setAdding] = React.useState<NewEntry>(EMPTY);
  const [missing, setMissing] = React.useState<string[]>([]);
  const [codeError, setCodeError] = React.useState<string | undefined>(undefined);
  const loadedCount = loaded.catalogue.length;
  const whole = issueText(errors, 'data.catalogue', t);

  const submit = (): void => {
    const code = adding.code.trim();
    const lacking: string[] = [];
    if (!adding.kind) lacking.push(t.fieldEntryKind);
    if (!code) lacking.push(t.fieldCode);
    if (!adding.nl.trim()) lacking.push(t.fieldNl);
    if (!adding.en.trim()) lacking.push(t.fieldEn);
    setMissing(lacking);
    const badCode = code !== '' && !CODE_PATTERN.test(code);
    setCodeError(badCode ? t.issue.INVALID_CODE : undefined);
    if (lacking.length > 0 || badCode || !adding.kind) return;
    edit(addEntry(draft, { kind: adding.kind, code, nl: adding.nl.trim(), en: adding.en.trim(), ...(adding.activeFrom ? { activeFrom: adding.activeFrom } : {}) }));
    setAdding(EMPTY);
    props.onAdded();
  };

  return (
    <>
      <h3 style={{ fontSize: 16, margin: '16px 0 6px' }} id="sjv-catalogue">
        {t.catalogueTitle}
      </h3>
      {whole ? (
        <span id="sjv-catalogue-error" role="alert" style={errorStyle}>
          {whole}
        </span>
      ) : null}
      <table style={{ borderCollapse: 'collapse' }} aria-labelledby="sjv-catalogue" data-testid="reference-catalogue">
        <thead>
          <tr>
            <th scope="col" style={cell}>{t.colKind}</th>
            <th scope="col" style={cell}>{t.colCode}</th>
            <th scope="col" style={cell}>{t.colLabelNl}</th>
            <th scope="col" style={cell}>{t.colLabelEn}</th>
            <th scope="col" style={cell}>{t.colFrom}</th>
            <th scope="col" style={cell}>{t.colUntil}</th>
            <th scope="col" style={cell}>{t.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {catalogueOrder(draft).map((i) => {
            const e = draft.catalogue[i]!;
            const original = i < loadedCount ? loaded.catalogue[i] : undefined;
            // a field's path, or the entry's own (`data.catalogue.3`: DUPLICATE) for ''
            const path = (f: string): string => (f ? `data.catalogue.${i}.${f}` : `data.catalogue.${i}`);
            const err = (f: string): React.ReactElement | null => {
              const text = issueText(errors, path(f), t);
              return text ? (
                <span id={`sjv-entry-${i}-${f || 'entry'}-error`} role="alert" style={errorStyle}>
                  {text}
                </span>
              ) : null;
            };
            const label = e[lang];
            const retiring = e.activeUntil !== (original && original.activeUntil);
            const editing = !!relabelling[i];
            const stopEditing = (): void => setRelabelling({ ...relabelling, [i]: false });
            return (
              <tr key={`${e.kind} ${i}`} data-code={e.code} data-kind={e.kind}>
                <td style={cell}>{t.catalogueKinds[e.kind] || e.kind}</td>
                <td style={cell}>
                  {e.code}
                  {original ? null : <em> — {t.newRow}</em>}
                  {err('code')}
                  {err('')}
                </td>
                <td style={cell}>
                  {editing ? (
                    <TextField ariaLabel={t.labelNlFor(e.code)} value={e.nl} onChange={(_ev, v) => edit(setEntryLabels(draft, i, v || '', e.en))} errorMessage={issueText(errors, path('nl'), t)} />
                  ) : (
                    <>
                      {e.nl}
                      {err('nl')}
                    </>
                  )}
                </td>
                <td style={cell}>
                  {editing ? (
                    <TextField ariaLabel={t.labelEnFor(e.code)} value={e.en} onChange={(_ev, v) => edit(setEntryLabels(draft, i, e.nl, v || ''))} errorMessage={issueText(errors, path('en'), t)} />
                  ) : (
                    <>
                      {e.en}
                      {err('en')}
                    </>
                  )}
                </td>
                <td style={cell}>
                  {e.activeFrom ? formatDate(e.activeFrom, locale) : t.none}
                  {err('activeFrom')}
                </td>
                <td style={cell}>
                  {retiring ? (
                    <TextField
                      type="date"
                      ariaLabel={t.entryUntilLabel(`${label} (${e.code})`)}
                      value={e.activeUntil || ''}
                      onChange={(_ev, v) => edit(setEntryUntil(draft, i, v || undefined))}
                      errorMessage={issueText(errors, path('activeUntil'), t)}
                    />
                  ) : (
                    <>
                      {e.activeUntil ? formatDate(e.activeUntil, locale) : t.none}
                      {err('activeUntil')}
                    </>
                  )}
                </td>
                <td style={cell}>
                  <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
                    {editing ? (
                      original ? (
                        <DefaultButton
                          text={t.undo}
                          ariaLabel={`${t.undo}: ${t.relabel(e.code)}`}
                          onClick={() => {
                            edit(setEntryLabels(draft, i, original.nl, original.en));
                            stopEditing();
                          }}
                        />
                      ) : null
                    ) : (
                      <DefaultButton text={t.relabelShort} ariaLabel={t.relabel(`${label} (${e.code})`)} onClick={() => setRelabelling({ ...relabelling, [i]: true })} />
                    )}
                    {retiring && original ? (
                      <DefaultButton text={t.undo} ariaLabel={`${t.undo}: ${t.retire(`${label} (${e.code})`)}`} onClick={() => edit(setEntryUntil(draft, i, original.activeUntil))} />
                    ) : !e.activeUntil || e.activeUntil > today ? (
                      <DefaultButton text={t.retireShort} ariaLabel={t.retire(`${label} (${e.code})`)} onClick={() => edit(setEntryUntil(draft, i, today))} />
                    ) : null}
                  </Stack>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h4 style={{ fontSize: 14, margin: '16px 0 6px' }}>{t.addEntryTitle}</h4>
      <Stack tokens={{ childrenGap: 8 }} styles={{ root: { maxWidth: 480 } }} data-testid="reference-add-entry">
        <Dropdown
          label={t.fieldEntryKind}
          required
          selectedKey={adding.kind || null}
          options={CATALOGUE_KINDS.map((k) => ({ key: k, text: t.catalogueKinds[k] || k }))}
          onChange={(_e, o) => setAdding({ ...adding, kind: o ? (String(o.key) as CatalogueKind) : '' })}
        />
        <TextField
          label={t.fieldCode}
          required
          value={adding.code}
          onChange={(_e, v) => {
            setCodeError(undefined);
            setAdding({ ...adding, code: (v || '').toUpperCase() });
          }}
          errorMessage={codeError}
        />
        <TextField label={t.fieldNl} required value={adding.nl} onChange={(_e, v) => setAdding({ ...adding, nl: v || '' })} />
        <TextField label={t.fieldEn} required value={adding.en} onChange={(_e, v) => setAdding({ ...adding, en: v || '' })} />
        <TextField label={t.fieldFrom} type="date" value={adding.activeFrom} onChange={(_e, v) => setAdding({ ...adding, activeFrom: v || '' })} />
        {missing.length > 0 ? (
          <MessageBar messageBarType={MessageBarType.warning} role="alert">
            {t.addMissing(missing.join(', '))}
          </MessageBar>
        ) : null}
        <div>
          <DefaultButton text={t.addEntry} onClick={submit} />
        </div>
      </Stack>
    </>
  );
}
