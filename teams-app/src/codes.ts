/** Catalogue codes as Fluent dropdown options in the user's language. */
import type { IDropdownOption } from '@fluentui/react';
import type { CatalogueList } from '../../src/core/catalogue';
import { activeCodes } from '../../src/core/catalogue';
import type { Locale } from './i18n';
import { codeLabel } from './i18n';

export const ACTIVE_CODES = {
  advisedRoutes: activeCodes('advisedRoutes'),
  offers: activeCodes('offers'),
  lifeDomains: activeCodes('lifeDomains'),
} as const;

export function codeOptions(list: CatalogueList, codes: readonly string[], locale: Locale): IDropdownOption[] {
  return codes.map((code) => ({ key: code, text: codeLabel(list, code, locale) }));
}
