/**
 * The labels of catalogue codes in a card (issue 16): the lists the procesregisseur manages (signals, forms,
 * protective factors, offers) from the reference data's history — a code a municipality added shows by its
 * label, a retired one still renders in the cases that stored it —, the other lists from catalogue.ts.
 * The history comes from the service's one cache of the versions (ReferenceDataService.history()).
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

/** The labels for one card build. */
export async function codeLabels(service: Signaalpunt, locale: Locale): Promise<CodeLabel> {
  return codeLabelFrom(await service.reference.history(), locale);
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
