/**
 * An in-memory stand-in for the API's reference data (GET/POST /api/v1/reference-data, ADR 0017), keeping
 * versions as the API does: a change made on an older version is refused with 409
 * REFERENCE.VERSION_CONFLICT, a catalogue code of the wrong shape (INVALID_CODE) or twice in its kind
 * (DUPLICATE) with 400 REFERENCE.INVALID at its path as src/core/reference-data.ts answers, and each
 * accepted change is a new version. It records every save it is sent.
 */
import { ApiProblem } from '@signaalpunt/contract/client';
import type { ReferenceChangeOutcome, ReferenceData, ReferenceDataApi, ReferenceVersion } from '../src/caseList/management/model';

export const DATA_V3: ReferenceData = {
  catalogue: [
    { kind: 'riskSignal', code: 'GELD', nl: 'Onverklaarbaar geld of dure spullen', en: 'Unexplained money or goods' },
    { kind: 'riskSignal', code: 'TELEFOONS', nl: 'Meerdere telefoons', en: 'Several phones' },
    { kind: 'form', code: 'DEALEN', nl: 'Dealen', en: 'Dealing' },
    { kind: 'protectiveFactor', code: 'VRIJETIJD', nl: 'Zinvolle vrijetijdsbesteding', en: 'Meaningful leisure activities' },
  ],
  offers: [
    { organisationId: 'school', code: 'HUISWERKBEGELEIDING', nl: 'Huiswerkbegeleiding', en: 'Homework support', kind: 'help', minAge: 12, maxAge: 18, activeFrom: '2026-01-01' },
    { organisationId: 'politie', code: 'HALT', nl: 'Halt-afdoening', en: 'Halt referral', kind: 'intervention', minAge: 12, maxAge: 17 },
  ],
  registry: [
    { organisationId: 'school', joinedOn: '2025-09-01' },
    { organisationId: 'politie', joinedOn: '2025-09-01' },
  ],
};

export interface SentChange {
  expectedVersion: number;
  data: ReferenceData;
  commandId: string;
}

export class FakeReferenceData implements ReferenceDataApi {
  version: ReferenceVersion = { version: 3, validFrom: '2026-03-01T09:00:00.000Z', changedBy: { role: 'procesregisseur' }, changes: [], data: DATA_V3 };
  reads = 0;
  readonly sent: SentChange[] = [];
  /** the answer to the next save instead of storing it (e.g. a REFERENCE.INVALID problem). */
  refuseNext: ApiProblem | undefined;

  async referenceData(): Promise<ReferenceVersion> {
    this.reads += 1;
    return JSON.parse(JSON.stringify(this.version)) as ReferenceVersion;
  }

  async changeReferenceData(expectedVersion: number, data: ReferenceData, commandId: string): Promise<ReferenceChangeOutcome> {
    this.sent.push(JSON.parse(JSON.stringify({ expectedVersion, data, commandId })) as SentChange);
    const refusal = this.refuseNext;
    this.refuseNext = undefined;
    if (refusal) throw refusal;
    const fields: { path: string; issue: string }[] = [];
    const seen = new Set<string>();
    data.catalogue.forEach((e, i) => {
      if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(e.code)) fields.push({ path: `data.catalogue.${i}.code`, issue: 'INVALID_CODE' });
      if (seen.has(`${e.kind} ${e.code}`)) fields.push({ path: `data.catalogue.${i}`, issue: 'DUPLICATE' });
      seen.add(`${e.kind} ${e.code}`);
    });
    if (fields.length > 0) throw new ApiProblem('REFERENCE.INVALID', 400, undefined, fields);
    if (expectedVersion !== this.version.version) throw new ApiProblem('REFERENCE.VERSION_CONFLICT', 409);
    this.othersChange(data);
    return { version: this.version.version, changes: [], replayed: false };
  }

  /** a new version, as another procesregisseur's save would make it. */
  othersChange(data: ReferenceData): void {
    this.version = { ...this.version, version: this.version.version + 1, validFrom: '2026-03-10T10:00:00.000Z', data: JSON.parse(JSON.stringify(data)) as ReferenceData };
  }
}
