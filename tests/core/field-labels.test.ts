/**
 * Field paths in refusals have labels for people (issue 16: "Veld known: is ongeldig"): every field of every
 * command input — taken from the commands' schemas, not from the table — has a Dutch and an English label.
 */
import { z } from 'zod';
import { FIELD_LABELS, fieldLabel, labelPath } from '../../src/core/field-labels';
import { COMMAND_NAMES } from '../../src/core/phases';
import { COMMAND_SCHEMAS } from '../../src/core/schemas';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** Every field path of a schema: objects' keys, `*` for array elements (the table's form). */
function paths(schema: JsonSchema, at = ''): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap((s) => paths(s, at));
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([k, s]) => {
      const p = at ? `${at}.${k}` : k;
      return [p, ...paths(s, p)];
    });
  }
  if (schema.type === 'array' && schema.items) return [`${at}.*`, ...paths(schema.items, `${at}.*`)];
  return [];
}

test.each(COMMAND_NAMES.map((n) => [n]))('%s: every input field has a Dutch and an English label', (name) => {
  const schema = z.toJSONSchema(COMMAND_SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields = paths(schema);
  expect(fields.length).toBeGreaterThan(0);
  for (const path of fields) {
    expect({ path, nl: Boolean(fieldLabel(path, 'nl-NL')), en: Boolean(fieldLabel(path, 'en-US')) }).toEqual({ path, nl: true, en: true });
  }
});

test('positions in a path map to the table form, and the label is never the raw path', () => {
  expect(labelPath('actions.0.dueOn')).toBe('actions.*.dueOn');
  expect(labelPath('organisationIds.12')).toBe('organisationIds.*');
  expect(fieldLabel('actions.3.offerCode', 'nl-NL')).toBe('Actie — aanbod');
  expect(fieldLabel('known', 'nl-NL')).toBe('Bekend bij uw organisatie');
  expect(fieldLabel('known', 'en-US')).toBe('Known to your organisation');
  expect(fieldLabel('nonsense', 'nl-NL')).toBeUndefined();
  for (const [path, label] of Object.entries(FIELD_LABELS)) {
    expect(label.nl).not.toBe(path);
    expect(label.en).not.toBe(path);
  }
});
