/**
 * Benchmark page: the coordinator's case list with 5,000 rows on one page (virtualised DetailsList),
 * from an in-memory source. Reports time to first render (rows in the DOM, after the next frame) on
 * window.__sjvBench. Built by tools/build-local-page.cjs (name "bench"); driven by bench/spfx.ts.
 */
import '../caseList/fabricConfig';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { CoordinatorApp } from '../caseList/components/CoordinatorApp';
import type { CoordinatorDataSource } from '../caseList/dataSource';
import { registerLocalIcons } from '../caseList/icons';
import type { CaseSummary } from '../caseList/dataSource';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';

const PHASES: Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'];
const STEPS = ['DECIDE_SUSPICION', 'AWAIT_ENRICHMENT', 'RECORD_DISCUSSION', 'AGREE_FOLLOW_UP', 'CLOSE_CASE', 'AWAIT_RETENTION'];
const ORGS = ['school', 'politie', 'wijkteam', 'leerplicht', 'jongerenwerk'];

function rows(n: number): CaseSummary[] {
  const out: CaseSummary[] = [];
  for (let i = 0; i < n; i++) {
    const p = i % PHASES.length;
    out.push({
      id: `bench-${i}`,
      version: 1,
      reference: `SJV-2026-${String(i + 1).padStart(4, '0')}`,
      phase: PHASES[p]!,
      status: p === 5 ? 'closed' : 'open',
      inbrengerOrganisationId: ORGS[i % ORGS.length]!,
      ageBand: '13-15',
      riskSignals: ['GELD', 'VERZUIM'],
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
      phaseSince: '2026-03-01T09:00:00.000Z',
      daysInPhase: i % 40,
      nextStep: STEPS[p]!,
      overdue: { informing: i % 7 === 0, enrichment: i % 11 === 0 },
    });
  }
  return out;
}

const started = performance.now();
const n = Number(new URLSearchParams(window.location.search).get('rows')) || 5000;
const all = rows(n);
const source: CoordinatorDataSource = {
  listCases: async (f) => ({ items: all.slice(f.offset, f.offset + f.limit), total: all.length }),
  getCase: async () => Promise.reject(new Error('not in the benchmark')),
  getAudit: async () => [],
  execute: async () => Promise.reject(new Error('not in the benchmark')),
  catalogue: async () => ({ riskSignals: [{ code: 'GELD', nl: 'Onverklaarbaar geld', en: 'Unexplained money' }, { code: 'VERZUIM', nl: 'Schoolverzuim', en: 'Truancy' }] }),
  partners: async () => ORGS.map((id) => ({ id, name: id, member: true })),
  me: async () => ({ user: { id: 'bench', organisationId: 'gemeente', roles: ['procesregisseur'] } }),
};

registerLocalIcons();
ReactDom.render(
  <CoordinatorApp
    source={source}
    locale="nl-NL"
    pageSize={n}
    onFirstRender={(count) => {
      requestAnimationFrame(() => {
        const rendered = document.querySelectorAll('[role="row"]').length - 1;
        (window as unknown as { __sjvBench?: unknown }).__sjvBench = { rows: count, renderedRows: rendered, firstRenderMs: performance.now() - started };
      });
    }}
  />,
  document.getElementById('root'),
);
