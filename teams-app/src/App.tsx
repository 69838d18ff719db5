/**
 * The tab: the host's theme and locale, then the surface the host asks for — side panel (or the content
 * tab of the meeting), meeting stage, or config page. The side panel is in the page's first chunk; the
 * stage and the config page load on demand (./components/parts.ts).
 * Before the host has answered (`host` not yet given), the `shell` from the URL (./host/url.ts) stands in:
 * the side panel in its loading state, in the URL's locale and theme; once the host is there its context
 * decides (locale, theme, surface, meeting) and the same side panel goes on with it.
 */
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { useEffect, useMemo, useState } from 'react';
import type { TabApi } from './api';
import { EnvContext } from './components/env';
import { ConfigPart, StagePart } from './components/parts';
import { SidePanel } from './components/SidePanel';
import type { Host, HostContext, ThemeName } from './host/types';
import type { UrlShell } from './host/url';
import { stringsFor } from './i18n';
import { THEMES } from './theme';

export type AppProps = {
  api: TabApi;
  /** the page the stage shows (for shareAppContentToStage). */
  stageUrl: string;
  /** what the config page saves for the tab: the content URL (./host/url.ts) and the page outside Teams. */
  contentUrl: string;
  websiteUrl?: string;
  refreshMs?: { agenda: number; stage: number };
} & ({ host: Host; shell?: UrlShell } | { host?: Host; shell: UrlShell });

export function App({ host, shell, api, stageUrl, contentUrl, websiteUrl = contentUrl, refreshMs }: AppProps) {
  const context: HostContext = host?.context ?? { kind: 'teams', surface: 'sidePanel', locale: shell!.locale, theme: shell!.theme };
  const [theme, setTheme] = useState<ThemeName>(context.theme);
  useEffect(() => {
    if (!host) return;
    // the host's context decides (the user may have changed the theme since Teams wrote the URL), then its changes
    setTheme(host.context.theme);
    host.onThemeChange(setTheme);
  }, [host]);
  const { locale, surface, meetingId } = context;
  const env = useMemo(() => ({ api, locale, t: stringsFor(locale) }), [api, locale]);
  useEffect(() => {
    document.documentElement.lang = locale === 'nl-NL' ? 'nl' : 'en';
    document.title = env.t.appTitle;
  }, [locale, env.t.appTitle]);
  const register = useMemo(
    () => (host?.registerConfig ? () => host.registerConfig!({ contentUrl, websiteUrl }, 'signaaltafel', env.t.appTitle) : undefined),
    [host, contentUrl, websiteUrl, env.t.appTitle],
  );

  let body;
  if (surface === 'config') body = <ConfigPart.Part {...(register ? { register } : {})} />;
  else if (!host) body = <SidePanel shareStage={() => Promise.resolve()} stageUrl={stageUrl} {...(refreshMs ? { refreshMs: refreshMs.agenda } : {})} />;
  else if (!meetingId) body = <p>{env.t.noSession}</p>;
  else if (surface === 'stage') body = <StagePart.Part teamsMeetingId={meetingId} {...(refreshMs ? { refreshMs: refreshMs.stage } : {})} />;
  else body = <SidePanel teamsMeetingId={meetingId} shareStage={(url) => host.shareStage(url)} stageUrl={stageUrl} {...(refreshMs ? { refreshMs: refreshMs.agenda } : {})} />;

  return (
    <ThemeProvider theme={THEMES[theme]} applyTo="body" data-theme={theme}>
      <EnvContext.Provider value={env}>
        <main style={{ padding: surface === 'stage' ? 0 : 12, maxWidth: surface === 'content' ? 960 : undefined }}>{body}</main>
      </EnvContext.Provider>
    </ThemeProvider>
  );
}
