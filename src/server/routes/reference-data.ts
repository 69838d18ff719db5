/**
 * The reference data's operations (issue 16, ADR 0017): the procesregisseur reads the current version and
 * sends a change on the version it was made on (a stale one: 409 REFERENCE.VERSION_CONFLICT). Everyone else
 * reads the codes through `/api/v1/catalogue`.
 */
import { z } from 'zod';
import { CATALOGUE_KINDS, changeReferenceDataInput, referenceDataSchema } from '../../core/reference-data';
import type { Operation } from '../operations';
import { unwrap } from '../operation-kit';

const change = z.object({ area: z.enum(['catalogue', 'offers', 'registry']), op: z.enum(['added', 'changed', 'removed']), key: z.string() });

export const referenceVersionSchema = z
  .object({
    version: z.number().int().min(1),
    validFrom: z.string().describe('the moment the version was made; it holds from then on (version 1: for all time before)'),
    changedBy: z.object({ role: z.string().describe('the role that made it (never a name); `system` for version 1') }),
    changes: z.array(change).describe('what differs from the version before: area, operation and key (codes and organisation ids)'),
    data: referenceDataSchema,
  })
  .describe(`The reference data of one version: catalogue entries (${CATALOGUE_KINDS.join(', ')}), the local offer and the registry.`);

export const referenceChangeOutcomeSchema = z.object({ version: z.number().int().min(2), changes: z.array(change), replayed: z.boolean() });

const base = { tag: 'registry' as const, auth: true, roles: ['procesregisseur'] as const };

export function referenceDataOperations(): Operation[] {
  return [
    {
      ...base,
      operationId: 'getReferenceData',
      method: 'GET',
      path: '/api/v1/reference-data',
      summary: 'The current version of the reference data: catalogue entries, the local offer (sociale kaart) and the registry (procesregisseur)',
      write: false,
      success: { status: 200, description: 'The newest version.', schema: referenceVersionSchema },
      run: async ({ user, deps }) => ({ status: 200, body: unwrap(await deps.service.reference.current(user)) }),
    },
    {
      ...base,
      operationId: 'changeReferenceData',
      method: 'POST',
      path: '/api/v1/reference-data',
      summary: 'Change the reference data: the whole data, made on `expectedVersion`; a new version, audited (procesregisseur)',
      write: true,
      body: changeReferenceDataInput,
      success: { status: 200, description: 'The new version’s number and what changed (`replayed`: this commandId ran before, nothing changed now).', schema: referenceChangeOutcomeSchema },
      extraResponses: { 409: 'REFERENCE.VERSION_CONFLICT: another version was made after `expectedVersion`.', 422: 'A label may identify a person.' },
      run: async ({ user, body, deps }) => ({ status: 200, body: unwrap(await deps.service.reference.change(user, body)) }),
    },
  ];
}
