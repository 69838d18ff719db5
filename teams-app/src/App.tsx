/**
 * The tab: the host's theme and locale, then the surface the host asks for — side panel (or the content
 * tab of the meeting), meeting stage, or config page. The side panel is in the page's first chunk; the
 * stage and the config page load on demand (./components/parts.ts).
 */
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { useEffect, useMemo, useState } from 'react';
import type { TabApi } from './api';
import { EnvContext } from './components/env';
import { ConfigPart, StagePart } from './components/parts';
import { SidePanel } from './components/SidePanel';
import type { Host, ThemeName } from './host/types';
import { stringsFor } from './i18n';
import { THEMES } from './theme';

export interface AppProps {
  host: Host;
  api: TabApi;
  /** the page the stage shows (for shareAppContentToStage). */
  stageUrl: string;
  /** the config page's content URL (what Teams saves for the tab). */
  contentUrl: string;
  refreshMs?: { agenda: number; stage: number };
}

export function App({ host, api, stageUrl, contentUrl, refreshMs }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(host.context.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const { locale, surface, meetingId } = host.context;
  const env = useMemo(() => ({ api, locale, t: stringsFor(locale) }), [api, locale]);
  useEffect(() => {
    document.documentElement.lang = locale === 'nl-NL' ? 'nl' : 'en';
    document.title = env.t.appTitle;
  }, [locale, env.t.appTitle]);
  const register = useMemo(() => (host.registerConfig ? () => host.registerConfig!(contentUrl, 'signaaltafel', env.t.appTitle) : undefined), [host, contentUrl, env.t.appTitle]);

  let body;
  if (surface === 'config') body = <ConfigPart.Part {...(register ? { register } : {})} />;
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
