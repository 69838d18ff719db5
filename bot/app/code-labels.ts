/**
 * The labels of catalogue codes in a card (issue 16): the lists the procesregisseur manages (signals, forms,
 * protective factors, offers) from the reference data's history — a code a municipality added shows by its
 * label, a retired one still renders in the cases that stored it —, the other lists from catalogue.ts.
 * One read of the history per card build, kept while the newest version stays the same (the service's
 * latest() is itself cached).
 */
import type { CatalogueList } from '../../src/core/catalogue';
import { label } from '../../src/core/catalogue';
import type { ManagedList, ReferenceData, ReferenceVersion } from '../../src/core/reference-data';
import { MANAGED_LISTS, referenceLabel } from '../../src/core/reference-data';
import type { Signaalpunt } from '../../src/core/service';
import type { Locale } from './types';

/** The label of a code of a catalogue list, in the card's locale. */
export type CodeLabel = (list: CatalogueList, code: string) => string;

const isManaged = (list: CatalogueList): list is ManagedList => (MANAGED_LISTS as readonly string[]).includes(list);

/** The labels of a history of the reference data in a locale. */
export function codeLabelFrom(history: readonly ReferenceVersion[], locale: Locale): CodeLabel {
  return (list, code) => (isManaged(list) ? referenceLabel(history, list, code, locale) : label(list, code, locale));
}

/** The history last read per service, with the newest version it ended in. */
const histories = new WeakMap<Signaalpunt, { version: number; history: Promise<readonly ReferenceVersion[]> }>();

/** The reference data's history, read again only when the newest version changed. */
async function historyOf(service: Signaalpunt): Promise<readonly ReferenceVersion[]> {
  const latest = await service.reference.latest();
  const kept = histories.get(service);
  if (kept && kept.version === latest.version) return kept.history;
  const history = service.reference.history();
  histories.set(service, { version: latest.version, history });
  history.catch(() => histories.delete(service));
  return history;
}

/** The labels for one card build. */
export async function codeLabels(service: Signaalpunt, locale: Locale): Promise<CodeLabel> {
  return codeLabelFrom(await historyOf(service), locale);
}

/** The reference data valid at a moment: what a card offers as choices (cards.ts `choices`). */
export interface CardReference {
  data: ReferenceData;
  on: string;
}

/** The reference data valid now (the service's newest version, at its clock). */
export async function currentReference(service: Signaalpunt): Promise<CardReference> {
  return { data: (await service.reference.latest()).data, on: service.clock.now().toISOString() };
}

/** What a card build takes from the reference data: the labels of stored codes and the choices valid now. */
export async function cardCodes(service: Signaalpunt, locale: Locale): Promise<{ codeLabel: CodeLabel; reference: CardReference }> {
  const [codeLabel, reference] = await Promise.all([codeLabels(service, locale), currentReference(service)]);
  return { codeLabel, reference };
}
