import * as React from 'react';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { TextField } from '@fluentui/react/lib/TextField';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import type { Labels } from '../labels';
import type { Partner } from '../dataSource';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';
import { PHASE_CODES as PHASES } from '@signaalpunt/contract/vocabulary';
import { REFERENCE_SEARCH } from '@signaalpunt/contract/vocabulary';

export interface FilterState {
  phases: Phase[];
  status?: 'open' | 'closed';
  organisationId?: string;
  overdue: boolean;
  /** part of a kenmerk or the whole of it */
  reference?: string;
}


export const EMPTY_FILTER: FilterState = { phases: [], overdue: false };
/** What the list shows first: the work still to do. "Filters wissen" shows everything (EMPTY_FILTER). */
export const DEFAULT_FILTER: FilterState = { phases: [], status: 'open', overdue: false };

export interface CaseFiltersProps {
  filter: FilterState;
  partners: Partner[];
  labels: Labels;
  onChange(next: FilterState): void;
}

const ALL = '__all__';

export function CaseFilters(props: CaseFiltersProps): React.ReactElement {
  const { filter, partners, labels, onChange } = props;
  const s = labels.s;
  const phaseOptions: IDropdownOption[] = PHASES.map((p) => ({ key: p, text: labels.phase(p) }));
  const statusOptions: IDropdownOption[] = [
    { key: ALL, text: s.filterAll },
    { key: 'open', text: s.statusOpen },
    { key: 'closed', text: s.statusClosed },
  ];
  const orgOptions: IDropdownOption[] = [{ key: ALL, text: s.filterAll }].concat(partners.map((p) => ({ key: p.id, text: p.name })));
  const [typed, setTyped] = React.useState(filter.reference || '');
  React.useEffect(() => setTyped(filter.reference || ''), [filter.reference]);
  const search = typed.trim();
  const invalid = search !== '' && !REFERENCE_SEARCH.test(search);
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end" role="search" aria-label={s.filters}>
      <TextField
        label={s.searchReference}
        placeholder={s.searchReferenceHint}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        styles={{ root: { minWidth: 170 } }}
        errorMessage={invalid ? s.searchReferenceInvalid : undefined}
        onChange={(_e, v) => {
          const next = v || '';
          setTyped(next);
          const term = next.trim();
          // the list follows a valid search at once and an emptied box; an invalid one changes nothing
          if (term === '' && filter.reference) {
            const cleared: FilterState = { ...filter };
            delete cleared.reference;
            onChange(cleared);
          } else if (REFERENCE_SEARCH.test(term) && term !== filter.reference) onChange({ ...filter, reference: term });
        }}
      />
      <Dropdown
        label={s.filterPhase}
        multiSelect
        placeholder={s.filterAll}
        options={phaseOptions}
        selectedKeys={filter.phases}
        styles={{ root: { minWidth: 200 } }}
        onChange={(_e, option) => {
          if (!option) return;
          const key = option.key as Phase;
          const phases = option.selected ? filter.phases.concat([key]) : filter.phases.filter((p) => p !== key);
          const next: FilterState = { ...filter, phases: PHASES.filter((p) => phases.indexOf(p) >= 0) };
          // asking for closed or purged cases while "open" is set would always give an empty list
          if (next.status === 'open' && next.phases.some((p) => p === 'CLOSED' || p === 'PURGED')) delete next.status;
          onChange(next);
        }}
      />
      <Dropdown
        label={s.filterStatus}
        options={statusOptions}
        selectedKey={filter.status || ALL}
        styles={{ root: { minWidth: 120 } }}
        onChange={(_e, option) => {
          if (!option) return;
          const next: FilterState = { ...filter };
          if (option.key === ALL) delete next.status;
          else next.status = option.key as 'open' | 'closed';
          onChange(next);
        }}
      />
      <Dropdown
        label={s.filterOrganisation}
        options={orgOptions}
        selectedKey={filter.organisationId || ALL}
        styles={{ root: { minWidth: 180 } }}
        onChange={(_e, option) => {
          if (!option) return;
          const next: FilterState = { ...filter };
          if (option.key === ALL) delete next.organisationId;
          else next.organisationId = String(option.key);
          onChange(next);
        }}
      />
      <Checkbox label={s.filterOverdue} checked={filter.overdue} onChange={(_e, checked) => onChange({ ...filter, overdue: Boolean(checked) })} styles={{ root: { marginBottom: 6 } }} />
      <DefaultButton text={s.clearFilters} onClick={() => onChange(EMPTY_FILTER)} />
    </Stack>
  );
}
