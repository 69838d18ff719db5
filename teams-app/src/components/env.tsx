/** What every component needs: the API, the locale and its strings. Passed down by context. */
import { createContext, useContext } from 'react';
import type { TabApi } from '../api';
import type { Locale, Strings } from '../i18n';

export interface TabEnv {
  api: TabApi;
  locale: Locale;
  t: Strings;
}

export const EnvContext = createContext<TabEnv | null>(null);

export function useEnv(): TabEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('EnvContext missing: render inside <EnvContext.Provider>');
  return env;
}

/** Marks the first render of a surface with its data, for the benchmark (performance timeline). */
export function markFirstRender(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}
