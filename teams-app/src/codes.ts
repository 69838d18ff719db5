/**
 * Catalogue codes in the user's language, from the server's versioned catalogue (GET /api/v1/catalogue,
 * issue 16): the choices are the codes active today, the labels are those of every code that ever was (a
 * retired offer still renders in an old case; a code a municipality added renders by its label). Read once
 * per API instance; until it has arrived the constants of the core's catalogue stand in.
 */
import { useEffect, useMemo, useState } from 'react';
import type { IDropdownOption } from '@fluentui/react';
import type { Catalogue, CatalogueEntry, CatalogueListName } from '../../packages/contract/src/types';
import type { CatalogueList } from '../../src/core/catalogue';
import { activeCodes, label } from '../../src/core/catalogue';
import type { TabApi } from './api';
import { useEnv } from './components/env';
import type { Locale } from './i18n';

/** The lists the tab chooses from. */
export type ChoiceList = 'advisedRoutes' | 'offers' | 'lifeDomains' | 'aveLevels';

export interface Codes {
  /** the label of any code of the list, retired ones included; an unknown code renders as itself. */
  label(list: CatalogueList, code: string): string;
  /** the codes active today, in the catalogue's order. */
  active(list: ChoiceList): string[];
  /** the active codes as dropdown options, labelled in the locale. */
  options(list: ChoiceList): IDropdownOption[];
}

const loaded = new WeakMap<TabApi, Promise<Catalogue>>();

/** The catalogue of `api`, fetched once per instance (a failed read is tried again on the next use). */
export function catalogueOf(api: TabApi): Promise<Catalogue> {
  let p = loaded.get(api);
  if (!p) {
    p = api.catalogue();
    loaded.set(api, p);
    p.catch(() => loaded.delete(api));
  }
  return p;
}

const entries = (catalogue: Catalogue, list: CatalogueList): readonly CatalogueEntry[] | undefined => (catalogue as Partial<Record<CatalogueListName, readonly CatalogueEntry[]>>)[list as CatalogueListName];

/** The codes of a catalogue (or, without one, of the core's constants) in a locale. */
export function codesFrom(catalogue: Catalogue | undefined, locale: Locale): Codes {
  const labelOf = (list: CatalogueList, code: string): string => {
    const entry = catalogue ? entries(catalogue, list)?.find((e) => e.code === code) : undefined;
    if (!entry) return label(list, code, locale);
    return locale === 'en-US' ? entry.en : entry.nl;
  };
  const active = (list: ChoiceList): string[] => {
    const listed = catalogue ? entries(catalogue, list) : undefined;
    return listed ? listed.filter((e) => e.retiredIn === undefined).map((e) => e.code) : activeCodes(list);
  };
  return { label: labelOf, active, options: (list) => active(list).map((code) => ({ key: code, text: labelOf(list, code) })) };
}

/** The tab's codes: the server's catalogue once it has arrived (a re-render then), the constants before. */
export function useCodes(): Codes {
  const { api, locale } = useEnv();
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>(undefined);
  useEffect(() => {
    let live = true;
    catalogueOf(api).then(
      (c) => {
        if (live) setCatalogue(c);
      },
      () => undefined, // the constants stay; the next mount tries again
    );
    return () => {
      live = false;
    };
  }, [api]);
  return useMemo(() => codesFrom(catalogue, locale), [catalogue, locale]);
}
