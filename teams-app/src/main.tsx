/**
 * Entry of the tab: decide whether the page runs in Teams (teams-js answers) or standalone, and render the
 * app for that host. In Teams the API token comes from SSO (`authentication.getAuthToken`).
 * - Loaded by Teams from the content URL the config page saved (it carries the user's locale and theme,
 *   ./host/url.ts): the side panel renders its loading state at once, in that locale and theme, while
 *   teams-js loads (a chunk of its own, ./host/teams.ts) and Teams answers; the side panel asks who the user is
 *   as soon as the SSO token is there (asked beside the context) and its meeting once the context says
 *   which. Teams is told the tab has rendered as soon as it has answered `app.initialize`.
 * - Otherwise (the stage, the config page, a tab saved before): a "connecting" spinner until the host is
 *   known, as before; the stage's chunk starts loading at once beside the host detection.
 * The standalone page (local demo users, host picker) loads only outside Teams; a top-level window is
 * standalone at once, without loading teams-js.
 */
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { HttpTabApi } from './api';
import { App } from './App';
import { StagePart } from './components/parts';
import { detectHost, notifyRendered } from './host/teams';
import type { Host } from './host/types';
import { shellFromUrl, savedContentUrl } from './host/url';
import { frameFacts } from './host/frame';
import { teamsWaitMs } from './host/wait';
import { localeFrom, stringsFor } from './i18n';
import { registerTabIcons } from './icons';

performance.mark('sjv:script-start');
registerTabIcons();
const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing');
const root = createRoot(rootEl);
const params = new URLSearchParams(location.search);
const hint = params.get('view') === 'stage' ? 'stage' : params.get('view') === 'config' ? 'config' : undefined;
const base = `${location.origin}${location.pathname}`;
const stageUrl = `${base}?view=stage`;
const contentUrl = savedContentUrl(base);
const waitMs = teamsWaitMs(frameFacts(window));
const shell = waitMs > 0 ? shellFromUrl(location.search) : undefined;

if (hint === 'stage') StagePart.preload().catch(() => undefined);

/** Calls `onShown` once its children have been committed to the page. */
function Shown({ onShown, children }: { onShown: () => void; children: ReactNode }) {
  useEffect(onShown, [onShown]);
  return children;
}

async function standalone(): Promise<void> {
  const { StandaloneApp, choiceFromUrl } = await import('./Standalone');
  root.render(<StandaloneApp choice={choiceFromUrl(location.search, navigator.language)} />);
}

if (waitMs === 0) {
  void standalone();
} else if (shell) {
  let shown!: () => void;
  const shellShown = new Promise<void>((resolve) => (shown = resolve));
  const detection = detectHost(undefined, waitMs, {
    ssoAtOnce: true,
    // Teams hides its loading indicator once the side panel's loading state is on the page
    onInitialized: () => void shellShown.then(notifyRendered),
  });
  const host: Promise<Host> = detection.then((d) => (d.kind === 'teams' ? d.host : Promise.reject(new Error('not in Teams'))));
  host.catch(() => undefined);
  const api = new HttpTabApi(async () => (await host).getToken());
  const render = (h?: Host) =>
    root.render(
      <Shown onShown={shown}>
        <App shell={shell} {...(h ? { host: h } : {})} api={api} stageUrl={stageUrl} contentUrl={contentUrl} websiteUrl={base} />
      </Shown>,
    );
  render();
  void detection.then(async (d) => {
    performance.mark('sjv:host-detected');
    if (d.kind === 'teams') render(d.host);
    else await standalone();
  });
} else {
  root.render(<Spinner label={stringsFor(localeFrom(navigator.language)).detectingHost} styles={{ root: { marginTop: 24 } }} />);
  void detectHost(hint, waitMs).then(async (detection) => {
    performance.mark('sjv:host-detected');
    if (detection.kind === 'teams') {
      const h = detection.host;
      root.render(<App host={h} api={new HttpTabApi(() => h.getToken())} stageUrl={stageUrl} contentUrl={contentUrl} websiteUrl={base} />);
      notifyRendered();
    } else {
      await standalone();
    }
  });
}
