/**
 * The command tables name every free-text field (issue 12, item 4): each free-text field of a command's
 * input (read from its zod schema) is either guarded against identifiers or personal by purpose. Pure
 * table checks, split from guarded-fields.test.ts (which drives the service) so that a mutation run on
 * src/core/phases.ts can run them for every table mutant in a second.
 */
import { z } from 'zod';
import { COMMANDS, COMMAND_NAMES } from '../../src/core/phases';
import { COMMAND_SCHEMAS } from '../../src/core/schemas';
import { MEETING_COMMANDS, MEETING_SCHEMAS } from '../../src/core/meetings';

interface JsonSchema {
  type?: string;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/**
 * Dot paths of the string fields that take any text: no pattern, format or enum, longer than a code (64),
 * and not an ISO date (checked by a refinement that JSON Schema shows only in the description).
 */
function freeTextPaths(schema: JsonSchema, at = ''): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap((s) => freeTextPaths(s, at));
  if (schema.type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => freeTextPaths(s, at ? `${at}.${k}` : k));
  if (schema.type === 'array' && schema.items) return freeTextPaths(schema.items, `${at}.*`);
  if (schema.type !== 'string' || schema.pattern || schema.format || schema.enum || schema.description?.startsWith('ISO date')) return [];
  return schema.maxLength !== undefined && schema.maxLength <= 64 ? [] : [at];
}
const jsonSchema = (s: z.ZodType): JsonSchema => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

describe('the command table names every free-text field', () => {
  test.each(COMMAND_NAMES.map((n) => [n]))('%s: each free-text field of the input is guarded or personal by purpose', (name) => {
    const rule = COMMANDS[name];
    const free = freeTextPaths(jsonSchema(COMMAND_SCHEMAS[name]));
    const listed = [...rule.guarded, ...(rule.personal ?? [])];
    for (const path of free) expect({ name, path, listed: listed.includes(path) }).toEqual({ name, path, listed: true });
    // and the table names no field that the schema does not have
    for (const path of rule.guarded) expect({ name, path, isFreeText: free.includes(path) }).toEqual({ name, path, isFreeText: true });
  });

  test('the fields guarded are exactly the ones anyone but the procesregisseur reads (the list in the issue)', () => {
    const guarded = Object.fromEntries(COMMAND_NAMES.map((n) => [n, COMMANDS[n].guarded]).filter(([, g]) => g!.length > 0));
    expect(guarded).toEqual({
      submitConcern: ['freeText'],
      decideSuspicion: ['rationale'],
      recordResidentInformed: ['deferral.reason'],
      concludeEnrichment: ['rationale'],
      recordDiscussion: ['notes'],
      updateActionStatus: ['outcome'],
      closeCase: ['rationale', 'notInformedReason'],
      withdrawCase: ['rationale'],
    });
    expect(COMMANDS.supplyIdentity.personal).toEqual(['name']);
    expect(COMMANDS.recordDiscussion.personal).toEqual(['contact.address', 'contact.phone', 'contact.email', 'contact.guardian']);
  });

  test.each(Object.keys(MEETING_COMMANDS).map((n) => [n as keyof typeof MEETING_COMMANDS]))('meeting command %s: each free-text field is guarded', (name) => {
    const free = freeTextPaths(jsonSchema(MEETING_SCHEMAS[name]));
    expect([...MEETING_COMMANDS[name].guarded].sort()).toEqual(free.sort());
  });
});
