/**
 * Cards: Adaptive Card 1.5 templates (JSON files in bot/cards) expanded with adaptivecards-templating.
 * Every template gets the locale's texts as `t` (nested by the dots of their keys) and the route's data.
 * Each card that submits carries `{ card, v, cardId }` in its action data: which card, which version of it,
 * and the card instance (the idempotency key of its command).
 */
import * as ACData from 'adaptivecards-templating';
import type { CatalogueList } from '../../src/core/catalogue';
import { activeCodes, label } from '../../src/core/catalogue';
import type { ManagedList, ReferenceData } from '../../src/core/reference-data';
import { MANAGED_LISTS, activeReferenceCodes, referenceLabel } from '../../src/core/reference-data';
import type { CodeLabel } from './code-labels';
import { strings } from './i18n';
import type { Card, Locale } from './types';

export interface CardMeta {
  /** the template's name, as in its action data. */
  card: string;
  /** the version of the card's inputs; a submit from an older version is refused. */
  v: number;
}

/** A card template as loaded from its JSON file. */
export type CardTemplate = Record<string, unknown>;

const nestedTexts = new Map<Locale, Record<string, unknown>>();

/** `{'a.b': 'x'}` → `{a: {b: 'x'}}`, so that templates write `${t.a.b}`. */
export function nest(flat: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'string') throw new Error(`text key ${key} nests under a text`);
      node = (next as Record<string, unknown> | undefined) ?? (node[part] = {});
    }
    const last = parts[parts.length - 1]!;
    if (last in node) throw new Error(`text key ${key} is also a prefix of other keys`);
    node[last] = value;
  }
  return root;
}

function texts(locale: Locale): Record<string, unknown> {
  let nested = nestedTexts.get(locale);
  if (!nested) {
    nested = nest(strings(locale));
    nestedTexts.set(locale, nested);
  }
  return nested;
}

/** Drops what a template leaves empty: null values, and empty `value`s of inputs (no default). */
function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      if (k === 'value' && v === '' && typeof (node as { type?: unknown }).type === 'string' && String((node as { type: string }).type).startsWith('Input.')) continue;
      out[k] = clean(v);
    }
    return out;
  }
  return node;
}

/** Parsed templates, kept: parsing a template costs far more than expanding it. */
const parsed = new WeakMap<CardTemplate, ACData.Template>();

/** Expands a template with the locale's texts and the data. */
export function render(template: CardTemplate, locale: Locale, data: Record<string, unknown> = {}): Card {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    parsed.set(template, compiled);
  }
  const expanded = compiled.expand({ $root: { errors: [], ...data, t: texts(locale) } }) as unknown;
  return clean(expanded) as Card;
}

export interface Choice {
  title: string;
  value: string;
}

/**
 * The active codes of a catalogue list as card choices, labelled in the locale. With the reference data
 * valid today (issue 16), the lists the procesregisseur manages (signals, forms, protective factors, offers)
 * come from it: a retired code is no longer offered, an added one is.
 */
export function choices(list: CatalogueList, locale: Locale, reference?: { data: ReferenceData; on: string }): Choice[] {
  if (reference && (MANAGED_LISTS as readonly string[]).includes(list)) {
    const managed = list as ManagedList;
    const history = [{ version: 0, validFrom: reference.on, changedBy: { role: 'system' as const }, changes: [], data: reference.data }];
    return activeReferenceCodes(reference.data, managed, reference.on).map((code) => ({ title: referenceLabel(history, managed, code, locale), value: code }));
  }
  return activeCodes(list).map((code) => ({ title: label(list, code, locale), value: code }));
}

/** Labels of stored codes (retired codes still render): `codeLabel` of the card build (code-labels.ts). */
export function labels(codeLabel: CodeLabel, list: CatalogueList, codes: readonly string[]): string {
  return codes.map((c) => codeLabel(list, c)).join(', ');
}
