import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import type { CommandSpec, FieldSpec, FormValues } from '../commandForms';
import { CONFIRM_OPEN, isRequired, isVisible, missingFields, rationaleRequired } from '../commandForms';
import type { Labels } from '../labels';
import type { CaseView, Catalogue, Partner } from '../dataSource';
import type { OpenItem } from '../openItems';
import { commandContext, followUpFinished } from '../openItems';

/** WCAG 2.2 target size (2.5.8): the label a user clicks is at least 24 × 24 CSS px (Fluent's is 20 high). */
const TARGET_24 = { field: { minHeight: 24, minWidth: 48, paddingTop: 2, paddingBottom: 2, boxSizing: 'border-box' as const } };

export interface CommandDialogProps {
  spec: CommandSpec;
  labels: Labels;
  catalogue: Catalogue;
  members: Partner[];
  /** the case as the reader sees it: what is still open for this step comes from it, nothing else. */
  view?: CaseView;
  busy: boolean;
  error: string | undefined;
  /** set when the error is a version conflict: loads the newest version of the case under the dialog. */
  onReload?: () => void;
  onConfirm(values: FormValues): void;
  onCancel(): void;
}

function options(f: FieldSpec, labels: Labels, catalogue: Catalogue, members: Partner[]): IDropdownOption[] {
  if (f.options === 'members') return members.map((m) => ({ key: m.id, text: m.name }));
  if (f.options === 'suspicion') return [
    { key: 'yes', text: labels.s.yesSuspicion },
    { key: 'no', text: labels.s.noSuspicion },
  ];
  if (!f.options) return [];
  return (catalogue[f.options] || []).filter((e) => e.retiredIn === undefined).map((e) => ({ key: e.code, text: labels.locale === 'en-US' ? e.en : e.nl }));
}

export function CommandDialog(props: CommandDialogProps): React.ReactElement {
  const { spec, labels, catalogue, members, view, busy, error, onReload, onConfirm, onCancel } = props;
  const s = labels.s;
  const [values, setValues] = React.useState<FormValues>({});
  const set = (key: string, value: FormValues[string]): void => setValues((v) => ({ ...v, [key]: value }));
  const context = commandContext(spec.name, view);
  const missing = missingFields(spec, values, context);
  const finished = spec.name === 'closeCase' ? followUpFinished(view) : undefined;
  const openLine = (o: OpenItem): string =>
    o.kind === 'answer'
      ? s.openAnswer(labels.organisation(o.organisationId), o.dueOn ? labels.date(o.dueOn) : s.none)
      : s.openAction(o.offerCode ? labels.code('offers', o.offerCode) : s.none, labels.organisation(o.organisationId), s.statusValue[o.status] || o.status);
  const labelOf = (key: string): string => {
    if (key === 'rationale') return s.rationale;
    if (key === CONFIRM_OPEN) return s.confirmOpenShort;
    const f = spec.fields.filter((x) => x.key === key)[0];
    return f ? String(s[f.label]) : key;
  };
  const field = (f: FieldSpec): React.ReactNode => {
    if (!isVisible(f, values)) return null;
    const label = String(s[f.label]);
    const required = isRequired(f, values, context);
    const id = `sjv-cmd-${spec.name}-${f.key}`;
    switch (f.kind) {
      case 'text':
        return <TextField key={f.key} id={id} label={label} required={required} value={String(values[f.key] || '')} onChange={(_e, v) => set(f.key, v)} />;
      case 'date':
        return <TextField key={f.key} id={id} type="date" label={label} required={required} value={String(values[f.key] || '')} onChange={(_e, v) => set(f.key, v)} />;
      case 'boolean':
        return <Checkbox key={f.key} id={id} label={label} checked={values[f.key] === true} onChange={(_e, c) => set(f.key, Boolean(c))} />;
      case 'choice':
        return (
          <Dropdown
            key={f.key}
            id={id}
            label={label}
            required={required}
            placeholder={s.none}
            options={options(f, labels, catalogue, members)}
            selectedKey={typeof values[f.key] === 'string' ? (values[f.key] as string) : null}
            onChange={(_e, o) => o && set(f.key, String(o.key))}
          />
        );
      case 'radio':
        return (
          <ChoiceGroup
            key={f.key}
            id={id}
            label={label}
            required={required}
            selectedKey={typeof values[f.key] === 'string' ? (values[f.key] as string) : null}
            options={options(f, labels, catalogue, members).map((o) => ({ key: String(o.key), text: o.text, id: `${id}-${String(o.key)}`, styles: TARGET_24 }))}
            onChange={(_e, o) => o && set(f.key, String(o.key))}
          />
        );
      case 'multichoice': {
        const selected = Array.isArray(values[f.key]) ? (values[f.key] as string[]) : [];
        return (
          <Dropdown
            key={f.key}
            id={id}
            label={label}
            required={required}
            multiSelect
            placeholder={s.none}
            options={options(f, labels, catalogue, members)}
            selectedKeys={selected}
            onChange={(_e, o) => o && set(f.key, o.selected ? selected.concat([String(o.key)]) : selected.filter((k) => k !== o.key))}
          />
        );
      }
    }
  };
  return (
    <Dialog
      hidden={false}
      onDismiss={onCancel}
      dialogContentProps={{ type: DialogType.normal, title: s.command[spec.name], subText: s.confirmText[spec.name] }}
      modalProps={{ isBlocking: true }}
      minWidth={420}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        {context.open.length > 0 ? (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
            <div data-testid="open-items">
              <p style={{ margin: '0 0 4px' }}>{spec.name === 'closeCase' ? s.openActionsTitle : s.openAnswersTitle}</p>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {context.open.map((o, i) => (
                  <li key={i}>{openLine(o)}</li>
                ))}
              </ul>
            </div>
          </MessageBar>
        ) : null}
        {finished === false ? (
          <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline={true}>
            {s.noActionFinished}
          </MessageBar>
        ) : null}
        {spec.fields.map(field)}
        {spec.rationale !== 'none' ? (
          <TextField
            id={`sjv-cmd-${spec.name}-rationale`}
            label={s.rationale}
            multiline
            rows={3}
            required={rationaleRequired(spec, context)}
            value={String(values.rationale || '')}
            onChange={(_e, v) => set('rationale', v)}
          />
        ) : null}
        {context.open.length > 0 ? (
          <Checkbox
            id={`sjv-cmd-${spec.name}-${CONFIRM_OPEN}`}
            label={s.confirmOpen}
            required={true}
            checked={values[CONFIRM_OPEN] === true}
            onChange={(_e, c) => set(CONFIRM_OPEN, Boolean(c))}
          />
        ) : null}
        {error ? (
          <MessageBar messageBarType={MessageBarType.error} role="alert" actions={onReload ? <DefaultButton text={s.loadNewest} onClick={onReload} /> : undefined}>
            {error}
          </MessageBar>
        ) : null}
      </Stack>
      {missing.length > 0 ? (
        <p id={`sjv-cmd-${spec.name}-missing`} style={{ margin: '12px 0 0' }}>
          {`${s.stillMissing} ${missing.map(labelOf).join(', ')}`}
        </p>
      ) : null}
      <DialogFooter>
        <PrimaryButton
          text={s.confirm}
          disabled={busy || missing.length > 0}
          allowDisabledFocus
          aria-describedby={missing.length > 0 ? `sjv-cmd-${spec.name}-missing` : undefined}
          onClick={() => onConfirm(values)}
        />
        <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
