/**
 * Renders a case view exactly as the server's allow-list built it: one section per group that is present,
 * every field of it, nothing added. Codes become labels; unknown fields still show (by their key), so a
 * field the server sends is never silently hidden.
 */
import * as React from 'react';
import type { Labels } from '../labels';
import { DATE_FIELDS, DATETIME_FIELDS, FIELD_CATALOGUE, ORGANISATION_FIELDS, PHASE_FIELDS } from '../labels';
import type { CaseView } from '../dataSource';
import type { Json } from '@signaalpunt/contract/groups';
import { DATA_GROUPS, GROUP_FIELD } from '@signaalpunt/contract/groups';

const dl: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', columnGap: 12, rowGap: 4, margin: 0 };
const dt: React.CSSProperties = { fontWeight: 600 };
const dd: React.CSSProperties = { margin: 0 };

function scalar(key: string, value: string | number | boolean, labels: Labels): string {
  if (typeof value === 'boolean') return value ? labels.s.yes : labels.s.no;
  if (typeof value === 'number') return String(value);
  if (value === '') return labels.s.none;
  if (key === 'command' && labels.s.command[value as keyof typeof labels.s.command]) return labels.s.command[value as keyof typeof labels.s.command];
  if (key === 'kind' && labels.s.decisionKind[value]) return labels.s.decisionKind[value]!;
  if (key === 'outcome' && labels.s.outcome[value]) return labels.s.outcome[value]!;
  if (key === 'outcome') return labels.code('exitReasons', value);
  if (key === 'status' && labels.s.statusValue[value]) return labels.s.statusValue[value]!;
  const list = FIELD_CATALOGUE[key];
  if (list) return labels.code(list, value);
  if (ORGANISATION_FIELDS.indexOf(key) >= 0) return labels.organisation(value);
  if (PHASE_FIELDS.indexOf(key) >= 0) return labels.phase(value);
  if (DATE_FIELDS.indexOf(key) >= 0) return labels.date(value);
  if (DATETIME_FIELDS.indexOf(key) >= 0) return labels.dateTime(value);
  return value;
}

export function ValueView(props: { fieldKey: string; value: Json | undefined; labels: Labels }): React.ReactElement {
  const { fieldKey, value, labels } = props;
  if (value === null || value === undefined) return <>{labels.s.none}</>;
  if (typeof value !== 'object') return <>{scalar(fieldKey, value, labels)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{labels.s.none}</>;
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return <>{value.map((v) => (v === null ? labels.s.none : scalar(fieldKey, v as string | number | boolean, labels))).join(', ')}</>;
    }
    return (
      <ol style={{ margin: 0, paddingLeft: 18 }}>
        {value.map((v, i) => (
          <li key={i}>
            <ValueView fieldKey={fieldKey} value={v} labels={labels} />
          </li>
        ))}
      </ol>
    );
  }
  if (fieldKey === 'lifeDomains') {
    const keys = Object.keys(value);
    if (keys.length === 0) return <>{labels.s.none}</>;
    return <>{keys.map((k) => `${labels.code('lifeDomains', k)}: ${labels.s.lifeDomainValue[String(value[k])] || String(value[k])}`).join('; ')}</>;
  }
  return <Fields values={value} labels={labels} />;
}

export function Fields(props: { values: { [key: string]: Json }; labels: Labels }): React.ReactElement {
  const { values, labels } = props;
  return (
    <dl style={dl}>
      {Object.keys(values).map((key) => (
        <React.Fragment key={key}>
          <dt style={dt}>{labels.s.field[key] || key}</dt>
          <dd style={dd} data-field={key}>
            <ValueView fieldKey={key} value={values[key]} labels={labels} />
          </dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

export function CaseViewSections(props: { view: CaseView; labels: Labels }): React.ReactElement {
  const { view, labels } = props;
  return (
    <>
      {DATA_GROUPS.map((g) => {
        const part = view[GROUP_FIELD[g]] as { [key: string]: Json } | undefined;
        if (!part) return null;
        const access = view.access[g];
        const id = `sjv-group-${g}`;
        return (
          <section key={g} aria-labelledby={id} data-group={g} style={{ marginTop: 16 }}>
            <h3 id={id} style={{ margin: '0 0 6px', fontSize: 16 }}>
              {labels.s.group[g]}
              {access ? <span style={{ fontWeight: 400, fontSize: 12, marginLeft: 8 }}>({access === 'write' ? labels.s.accessWrite : labels.s.accessRead})</span> : null}
            </h3>
            <Fields values={part} labels={labels} />
          </section>
        );
      })}
    </>
  );
}
