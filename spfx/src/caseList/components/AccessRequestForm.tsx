/**
 * The access export (AVG art. 15) for the procesregisseur (issue 16): the young person's name and date of
 * birth (to find the data), who asked and why (both required), the language; downloaded as JSON or as a
 * readable .docx. The API finds the cases, makes the export and audits it (with who asked; the reason is
 * written in the export only). The form's values live only while the tab is open.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { DownloadedFile } from '../accountability';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import { makeLabels } from '../labels';
import type { AccessExportApi, Requester } from '../workbench/model';
import { REQUESTERS } from '../workbench/model';
import { problemText } from './CaseDetailPanel';

export interface AccessRequestFormProps {
  api: AccessExportApi;
  locale: Locale;
  /** hands the export to the browser as a download. */
  save(file: DownloadedFile): void;
}

interface Values {
  name: string;
  dateOfBirth: string;
  requestedBy: Requester | '';
  reason: string;
  language: 'nl' | 'en';
}

export function AccessRequestForm(props: AccessRequestFormProps): React.ReactElement {
  const { api, locale, save } = props;
  const s = stringsFor(locale);
  const t = s.accessExport;
  const [values, setValues] = React.useState<Values>({ name: '', dateOfBirth: '', requestedBy: '', reason: '', language: locale === 'en-US' ? 'en' : 'nl' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const set = (patch: Partial<Values>): void => setValues((v) => ({ ...v, ...patch }));

  const missing: string[] = [];
  if (values.name.trim().length < 2) missing.push(t.name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth)) missing.push(t.dateOfBirth);
  if (!values.requestedBy) missing.push(t.requestedBy);
  if (values.reason.trim().length < 3) missing.push(t.reason);

  const download = (format: 'json' | 'docx'): void => {
    if (missing.length > 0 || !values.requestedBy) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    api
      .accessExport({ name: values.name.trim(), dateOfBirth: values.dateOfBirth, locale: values.language, requestedBy: values.requestedBy, reason: values.reason.trim() }, format)
      .then(
        (file) => {
          setBusy(false);
          save(file);
          setNotice(t.done(file.fileName));
        },
        (e: unknown) => {
          setBusy(false);
          setError(problemText(e, makeLabels(locale, s, {}, [])));
        },
      );
  };

  const describedBy = missing.length > 0 ? 'sjv-access-missing' : undefined;
  return (
    <section aria-labelledby="sjv-access-title" data-testid="access-request" style={{ maxWidth: 560 }}>
      <h2 id="sjv-access-title" style={{ margin: '0 0 8px', fontSize: 20 }}>
        {t.title}
      </h2>
      <p>{t.intro}</p>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={t.name} required autoComplete="off" value={values.name} onChange={(_e, v) => set({ name: v || '' })} />
        <TextField label={t.dateOfBirth} type="date" required value={values.dateOfBirth} onChange={(_e, v) => set({ dateOfBirth: v || '' })} />
        <Dropdown
          label={t.requestedBy}
          required
          placeholder={s.none}
          options={REQUESTERS.map((r) => ({ key: r, text: t.requesters[r] }))}
          selectedKey={values.requestedBy || null}
          onChange={(_e, o) => o && set({ requestedBy: String(o.key) as Requester })}
        />
        <TextField label={t.reason} required multiline rows={2} maxLength={300} description={t.reasonHint} value={values.reason} onChange={(_e, v) => set({ reason: v || '' })} />
        <Dropdown
          label={t.language}
          options={[
            { key: 'nl', text: t.dutch },
            { key: 'en', text: t.english },
          ]}
          selectedKey={values.language}
          onChange={(_e, o) => o && set({ language: o.key === 'en' ? 'en' : 'nl' })}
        />
      </Stack>
      {missing.length > 0 ? (
        <p id="sjv-access-missing" style={{ margin: '12px 0 0' }}>
          {t.missing(missing.join(', '))}
        </p>
      ) : null}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} style={{ marginTop: 12 }}>
        <PrimaryButton text={busy ? t.busy : t.downloadDocx} disabled={busy || missing.length > 0} allowDisabledFocus aria-describedby={describedBy} onClick={() => download('docx')} />
        <DefaultButton text={t.downloadJson} disabled={busy || missing.length > 0} allowDisabledFocus aria-describedby={describedBy} onClick={() => download('json')} />
      </Stack>
      {notice ? (
        <MessageBar messageBarType={MessageBarType.success} role="status" style={{ marginTop: 8 }}>
          {notice}
        </MessageBar>
      ) : null}
      {error ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert" style={{ marginTop: 8 }}>
          {error}
        </MessageBar>
      ) : null}
    </section>
  );
}
