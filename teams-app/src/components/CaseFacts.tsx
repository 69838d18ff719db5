/**
 * Groups A and B of a case as text: reference, age band, signals, forms, registrations, decisions — and
 * the inbrenger's free text only where the caller's view holds it (never on the stage).
 */
import { Text } from '@fluentui/react';
import type { ConcernGroup, Decision } from '../../../src/core/model';
import { useCodes } from '../codes';
import { decisionText } from '../i18n';
import { useEnv } from './env';

/** Group B as the tab shows it: the core's ConcernGroup without the exact age; the free text only where the view holds it. */
export type ConcernFacts = Omit<ConcernGroup, 'ageYears' | 'freeText'> & Partial<Pick<ConcernGroup, 'freeText'>>;

const listStyle = { margin: '0 0 0 1.2em', padding: 0 } as const;
const dtSmall = { fontWeight: 600, marginTop: 6 } as const;
const ddSmall = { margin: 0 } as const;
// on the meeting stage (a shared screen read from across the room): labels 24 px beside values 28 px, in two
// columns over the full width (issue 18, item 11)
const dlLarge = { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(10em, max-content) 1fr', columnGap: 32, rowGap: 12, alignItems: 'baseline' } as const;
const dtLarge = { fontWeight: 600, fontSize: 24, margin: 0 } as const;
const ddLarge = { margin: 0 } as const;

export function CaseFacts({ concern, decisions, large = false }: { concern?: ConcernFacts; decisions?: Pick<Decision, 'kind' | 'outcome' | 'rationale'>[]; large?: boolean }) {
  const { t } = useEnv();
  const codes = useCodes();
  const shown = (decisions ?? []).filter((d) => d.kind === 'SUSPICION' || d.kind === 'DISCUSSION' || d.kind === 'WITHDRAWAL');
  const variant = large ? 'xxLarge' : 'medium';
  const dtStyle = large ? dtLarge : dtSmall;
  const ddStyle = large ? ddLarge : ddSmall;
  const codeList = (list: 'riskSignals' | 'forms' | 'protectiveFactors', xs: string[]) =>
    xs.length === 0 ? (
      <Text variant={variant}>{t.none}</Text>
    ) : (
      <ul style={listStyle}>
        {xs.map((c) => (
          <li key={c}>
            <Text variant={variant}>{codes.label(list, c)}</Text>
          </li>
        ))}
      </ul>
    );
  return (
    <dl style={large ? dlLarge : { margin: 0 }}>
      {concern && (
        <>
          <dt style={dtStyle}>{t.ageBand}</dt>
          <dd style={ddStyle}>
            <Text variant={variant}>{codes.label('ageBands', concern.ageBand)}</Text>
          </dd>
          <dt style={dtStyle}>{t.riskSignals}</dt>
          <dd style={ddStyle}>{codeList('riskSignals', concern.riskSignals)}</dd>
          <dt style={dtStyle}>{t.forms}</dt>
          <dd style={ddStyle}>{codeList('forms', concern.forms)}</dd>
          <dt style={dtStyle}>{t.protectiveFactors}</dt>
          <dd style={ddStyle}>{codeList('protectiveFactors', concern.protectiveFactors)}</dd>
          <dt style={dtStyle}>{t.registrations}</dt>
          <dd style={ddStyle}>
            <Text variant={variant}>{codes.label('registrationsBands', concern.registrationsBand)}</Text>
          </dd>
          <dt style={dtStyle}>{t.urgency}</dt>
          <dd style={ddStyle}>
            <Text variant={variant}>{codes.label('urgency', concern.urgency)}</Text>
          </dd>
          {concern.freeText !== undefined && concern.freeText !== '' && (
            <>
              <dt style={dtStyle}>{t.freeText}</dt>
              <dd style={ddStyle}>
                <Text variant={variant}>{concern.freeText}</Text>
              </dd>
            </>
          )}
        </>
      )}
      {shown.length > 0 && (
        <>
          <dt style={dtStyle}>{t.decisions}</dt>
          <dd style={ddStyle}>
            <ul style={listStyle}>
              {shown.map((d, i) => (
                <li key={i}>
                  <Text variant={variant}>
                    {decisionText(d.kind, d.outcome, t)}
                    {d.rationale ? ` — ${d.rationale}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
