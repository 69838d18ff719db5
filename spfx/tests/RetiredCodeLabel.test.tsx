/**
 * A catalogue code the procesregisseur retired (issue 16) still renders in an old case with its label: the
 * API's catalogue keeps it (with retiredIn), and the web part's list and case panel show the label, never
 * the code, in nl-NL and en-US.
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import type { CaseView, Catalogue } from '../src/caseList/dataSource';
import { CATALOGUE, FakeSource, summary } from './fakeSource';

/** the catalogue as GET /api/v1/catalogue answers it after TELEFOONS and UITKIJK were retired in version 4. */
class RetiredSource extends FakeSource {
  async catalogue(): Promise<Catalogue> {
    return {
      ...CATALOGUE,
      riskSignals: [...CATALOGUE.riskSignals!, { code: 'TELEFOONS', nl: 'Meerdere telefoons', en: 'Several phones', retiredIn: 4 }],
      forms: [...CATALOGUE.forms!, { code: 'UITKIJK', nl: 'Op de uitkijk staan', en: 'Keeping watch', retiredIn: 4 }],
    };
  }
}

const VIEW: CaseView = {
  id: summary(1).id,
  version: 3,
  reference: 'SJV-2026-0001',
  phase: 'INBRENG',
  access: { A: 'write', B: 'write' },
  frame: { reference: 'SJV-2026-0001', phase: 'INBRENG', inbrengerOrganisationId: 'school', decisions: [], transitions: [] },
  concern: { ageBand: '13-15', riskSignals: ['TELEFOONS', 'GELD'], forms: ['UITKIJK'], freeText: 'Twee telefoons.' },
};

test.each([
  ['nl-NL', 'Meerdere telefoons, Onverklaarbaar geld of dure spullen', 'Op de uitkijk staan'],
  ['en-US', 'Several phones, Unexplained money or goods', 'Keeping watch'],
] as const)('an old case with retired codes shows them by label in the list and the case panel (%s)', async (locale, signals, form) => {
  const source = new RetiredSource([summary(1, { riskSignals: ['TELEFOONS', 'GELD'] })], { [VIEW.id]: VIEW });
  render(<CoordinatorApp source={source} locale={locale} pageSize={50} newCommandId={() => 'cmd-test'} />);
  const row = (await screen.findByText('SJV-2026-0001')).closest('[role="row"]') as HTMLElement;
  expect(row.textContent).toContain(signals);
  expect(row.textContent).not.toContain('TELEFOONS');
  fireEvent.click(screen.getByText('SJV-2026-0001'));
  await screen.findByText(locale === 'nl-NL' ? 'Casus SJV-2026-0001' : 'Case SJV-2026-0001');
  expect(screen.getAllByText(signals).length).toBeGreaterThanOrEqual(2);
  expect(screen.getByText(form)).toBeTruthy();
  expect(document.body.textContent).not.toContain('UITKIJK');
});
