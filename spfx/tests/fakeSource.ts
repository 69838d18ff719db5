/** An in-memory data source behind the components' own narrow interface, recording what they ask. */
import type { CoordinatorDataSource } from '../src/caseList/dataSource';
import type { AuditRow, CaseSummary, CaseView, Catalogue, CommandOutcome, ListFilter, Me, Partner } from '../src/caseList/dataSource';
import type { CommandName, LinkCommand } from '../src/caseList/commandForms';
import { ApiProblem } from '@signaalpunt/contract/client';

export const CATALOGUE: Catalogue = {
  riskSignals: [
    { code: 'GELD', nl: 'Onverklaarbaar geld of dure spullen', en: 'Unexplained money or goods' },
    { code: 'VERZUIM', nl: 'Schoolverzuim / spijbelen', en: 'Truancy' },
  ],
  ageBands: [{ code: '13-15', nl: '13–15 jaar', en: '13–15 years' }],
  aveLevels: [{ code: '2', nl: 'AVE 2', en: 'AVE 2' }],
  advisedRoutes: [{ code: 'WIJKTEAM', nl: 'Wijkteam', en: 'Neighbourhood team' }],
  forms: [{ code: 'DEALEN', nl: 'Dealen', en: 'Dealing' }],
};

export const PARTNERS: Partner[] = [
  { id: 'school', name: 'Het Baken College', member: true },
  { id: 'politie', name: 'Politie basisteam', member: true },
  { id: 'sportclub', name: 'Sportclub', member: false },
];

export function summary(i: number, over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    version: 1,
    reference: `SJV-2026-${String(i).padStart(4, '0')}`,
    phase: 'INBRENG',
    status: 'open',
    inbrengerOrganisationId: 'school',
    ageBand: '13-15',
    riskSignals: ['GELD'],
    createdAt: `2026-03-${String((i % 27) + 1).padStart(2, '0')}T09:00:00.000Z`,
    phaseSince: '2026-03-01T09:00:00.000Z',
    daysInPhase: i,
    nextStep: 'DECIDE_SUSPICION',
    overdue: { informing: false, enrichment: false },
    ...over,
  };
}

export class FakeSource implements CoordinatorDataSource {
  lists: ListFilter[] = [];
  executed: { name: CommandName | LinkCommand; caseId: string; input: Record<string, unknown> }[] = [];
  caseReads: string[] = [];
  failNextCommand: ApiProblem | undefined;
  constructor(
    public cases: CaseSummary[],
    public views: Record<string, CaseView> = {},
    public roles: string[] = ['procesregisseur'],
    public audit: AuditRow[] = [],
  ) {}
  async listCases(f: ListFilter): Promise<{ items: CaseSummary[]; total: number }> {
    this.lists.push(f);
    let rows = this.cases;
    if (f.phases) rows = rows.filter((c) => f.phases!.includes(c.phase));
    if (f.status) rows = rows.filter((c) => c.status === f.status);
    if (f.organisationId) rows = rows.filter((c) => c.inbrengerOrganisationId === f.organisationId);
    if (f.overdue) rows = rows.filter((c) => c.overdue.informing || c.overdue.enrichment);
    if (f.reference) rows = rows.filter((c) => c.reference.includes(f.reference!.toUpperCase()));
    return { items: rows.slice(f.offset, f.offset + f.limit), total: rows.length };
  }
  async getCase(id: string): Promise<CaseView> {
    this.caseReads.push(id);
    const v = this.views[id];
    if (!v) throw new ApiProblem('CASE.NOT_FOUND', 404, { nl: 'Deze casus bestaat niet of u heeft er geen toegang toe.', en: 'This case does not exist or you have no access to it.' });
    return JSON.parse(JSON.stringify(v)) as CaseView;
  }
  async getAudit(): Promise<AuditRow[]> {
    return this.audit;
  }
  async execute(name: CommandName | LinkCommand, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome> {
    this.executed.push({ name, caseId, input });
    if (this.failNextCommand) {
      const p = this.failNextCommand;
      this.failNextCommand = undefined;
      throw p;
    }
    const v = this.views[caseId]!;
    v.version += 1;
    v.phase = name === 'decideSuspicion' && input.suspicion === true ? 'VERRIJKING' : v.phase;
    return { caseId, reference: v.reference, phase: v.phase, version: v.version, outcome: 'OK', replayed: false };
  }
  async catalogue(): Promise<Catalogue> {
    return CATALOGUE;
  }
  async partners(): Promise<Partner[]> {
    return PARTNERS;
  }
  meCalls = 0;
  async me(): Promise<Me> {
    this.meCalls += 1;
    return { user: { id: 'regisseur@gemeente.demo', organisationId: 'gemeente', roles: this.roles } };
  }
}
