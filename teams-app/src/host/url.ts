/**
 * What the tab's URL already says before teams-js has answered (issue 15): the content URL the config page
 * saves for the tab carries Teams' placeholders for the user's locale and theme, which Teams replaces when
 * it loads the tab ("Use placeholders in your configuration or content URLs. Microsoft Teams replaces the
 * placeholders with the relevant values", https://learn.microsoft.com/microsoftteams/platform/concepts/tabs/tabs-context
 * — `{app.locale}` e.g. `en-us`, `{app.theme}` `default` | `dark` | `contrast`). With both, the side panel
 * renders its loading state at once in the right language and colours, while teams-js starts; the host's
 * context (app.getContext) then decides, as before. A URL without them (a tab saved before, the stage,
 * the config page, a plain browser) gives nothing, and the page waits for the host as it always did.
 * Pure (no teams-js, no DOM), so that it is tested by itself.
 */
import type { Locale } from '../i18n';
import { localeFrom } from '../i18n';
import type { ThemeName } from './types';

export const LOCALE_PARAM = 'locale';
export const THEME_PARAM = 'theme';

/** The content URL the config page saves: the page itself, with Teams' placeholders for locale and theme. */
export function savedContentUrl(pageUrl: string): string {
  return `${pageUrl}?${LOCALE_PARAM}={app.locale}&${THEME_PARAM}={app.theme}`;
}

/** What the side panel's first render may take from the URL: locale and theme, if Teams substituted both. */
export interface UrlShell {
  locale: Locale;
  theme: ThemeName;
}

const THEMES: readonly string[] = ['default', 'dark', 'contrast'] satisfies ThemeName[];
/** languageId-countryId as Teams writes it (en-us, nl-nl); a placeholder Teams left unreplaced is not one. */
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export function shellFromUrl(search: string): UrlShell | undefined {
  const params = new URLSearchParams(search);
  // the stage and the config page are other surfaces: they wait for the host.
  if (params.has('view')) return undefined;
  const locale = params.get(LOCALE_PARAM);
  const theme = params.get(THEME_PARAM);
  if (!locale || !LOCALE.test(locale) || !theme || !THEMES.includes(theme)) return undefined;
  return { locale: localeFrom(locale), theme: theme as ThemeName };
}
