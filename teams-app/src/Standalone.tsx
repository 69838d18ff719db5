/**
 * The tab in a plain browser (`npm start`, then http://localhost:3978/pages/). Local mode only: pick a demo
 * user, a view and a meeting id; the choice lives in the URL so a stage window can be opened beside it.
 * In production the server issues no dev tokens and the page asks to open the tab in Teams.
 */
import { MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField, ThemeProvider } from '@fluentui/react';
import { TabDropdown } from './components/TabDropdown';
import { useEffect, useMemo, useState } from 'react';
import { DEMO_USERS } from '../../src/demo/tenant';
import { HttpTabApi } from './api';
import { App } from './App';
import { StandaloneHost, serverIsLocal } from './host/standalone';
import type { HostContext, Surface } from './host/types';
import { themeFrom } from './host/types';
import { localeFrom, stringsFor } from './i18n';
import { THEMES } from './theme';

export const DEFAULT_LOCAL_MEETING = 'local-demo-meeting';
/** the bar above the app sits outside its theme: links take the theme's text colour, underlined, in every theme. */
const LINK = { color: 'inherit', textDecoration: 'underline' } as const;

export interface StandaloneChoice {
  user?: string;
  view: 'sidePanel' | 'stage';
  meeting: string;
  locale: ReturnType<typeof localeFrom>;
  theme: ReturnType<typeof themeFrom>;
}

export function choiceFromUrl(search: string, browserLanguage: string | undefined): StandaloneChoice {
  const p = new URLSearchParams(search);
  const user = p.get('user') ?? undefined;
  return {
    ...(user ? { user } : {}),
    view: p.get('view') === 'stage' ? 'stage' : 'sidePanel',
    meeting: p.get('meeting') || DEFAULT_LOCAL_MEETING,
    locale: localeFrom(p.get('locale') ?? browserLanguage),
    theme: themeFrom(p.get('theme')),
  };
}

export function urlFor(c: StandaloneChoice, view: 'sidePanel' | 'stage' = c.view): string {
  const p = new URLSearchParams({ view, meeting: c.meeting, locale: c.locale, theme: c.theme, ...(c.user ? { user: c.user } : {}) });
  return `${location.pathname}?${p.toString()}`;
}

export function StandaloneApp({ choice }: { choice: StandaloneChoice }) {
  const t = stringsFor(choice.locale);
  const [local, setLocal] = useState<boolean | undefined>();
  const [user, setUser] = useState(choice.user ?? 'voorzitter@gemeente.demo');
  const [view, setView] = useState<'sidePanel' | 'stage'>(choice.view);
  const [meeting, setMeeting] = useState(choice.meeting);
  useEffect(() => {
    void serverIsLocal().then(setLocal);
  }, []);
  const known = choice.user !== undefined && DEMO_USERS.some((u) => u.id === choice.user);
  const running = useMemo(() => {
    if (!local || !known || !choice.user) return undefined;
    const surface: Surface = choice.view === 'stage' ? 'stage' : 'sidePanel';
    const context: HostContext = { kind: 'standalone', surface, meetingId: choice.meeting, locale: choice.locale, theme: choice.theme };
    const host = new StandaloneHost(context, choice.user);
    return { host, api: new HttpTabApi(() => host.getToken()) };
  }, [local, known, choice]);

  if (running) {
    const stageUrl = `${location.origin}${urlFor(choice, 'stage')}`;
    return (
      <>
        <nav aria-label={t.signedInAs} style={{ padding: '4px 12px', fontSize: 12 }}>
          {`${t.signedInAs} ${choice.user} · `}
          <a href={urlFor({ ...choice, user: undefined } as StandaloneChoice)} style={LINK}>{t.switchUser}</a>
          {choice.view === 'sidePanel' && (
            <>
              {' · '}
              <a href={urlFor(choice, 'stage')} target="_blank" rel="noreferrer" style={LINK}>
                {t.viewStage}
              </a>
            </>
          )}
        </nav>
        <App host={running.host} api={running.api} stageUrl={stageUrl} contentUrl={stageUrl} />
      </>
    );
  }

  return (
    <ThemeProvider theme={THEMES[choice.theme]} applyTo="body">
      <main style={{ padding: 16, maxWidth: 560 }}>
        <Stack tokens={{ childrenGap: 12 }}>
          <h1 style={{ fontSize: 20, margin: 0 }}>{t.standaloneTitle}</h1>
          {local === undefined && <Spinner label={t.loading} />}
          {local === false && (
            <MessageBar messageBarType={MessageBarType.info} isMultiline>
              {t.standaloneProduction}
            </MessageBar>
          )}
          {local && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                location.assign(urlFor({ ...choice, user, view, meeting: meeting.trim() || DEFAULT_LOCAL_MEETING }));
              }}
            >
              <Stack tokens={{ childrenGap: 8 }}>
                <Text>{t.standaloneIntro}</Text>
                <TabDropdown
                  label={t.demoUser}
                  selectedKey={user}
                  options={DEMO_USERS.map((u) => ({ key: u.id, text: `${u.displayName ?? u.id} (${u.id})` }))}
                  onChange={(_e, o) => o && setUser(String(o.key))}
                />
                <TabDropdown
                  label={t.demoView}
                  selectedKey={view}
                  options={[
                    { key: 'sidePanel', text: t.viewSidePanel },
                    { key: 'stage', text: t.viewStage },
                  ]}
                  onChange={(_e, o) => o && setView(o.key === 'stage' ? 'stage' : 'sidePanel')}
                />
                <TextField label={t.demoMeeting} value={meeting} onChange={(_e, v) => setMeeting(v ?? '')} />
                <Stack horizontal>
                  <PrimaryButton type="submit" text={t.open} />
                </Stack>
              </Stack>
            </form>
          )}
        </Stack>
      </main>
    </ThemeProvider>
  );
}
