/**
 * Entry of the tab: decide at once whether the page runs in Teams (teams-js answers) or standalone, and
 * render the app for that host. In Teams the API token comes from SSO (`authentication.getAuthToken`).
 * The standalone page (local demo users, host picker) loads only outside Teams; the stage's chunk starts
 * loading at once when the URL asks for the stage, beside the host detection.
 */
import { Spinner } from '@fluentui/react/lib/Spinner';
import { createRoot } from 'react-dom/client';
import { HttpTabApi } from './api';
import { App } from './App';
import { StagePart } from './components/parts';
import { detectHost, notifyRendered } from './host/teams';
import { localeFrom, stringsFor } from './i18n';
import { registerTabIcons } from './icons';

performance.mark('sjv:script-start');
registerTabIcons();
const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing');
const root = createRoot(rootEl);
const params = new URLSearchParams(location.search);
const hint = params.get('view') === 'stage' ? 'stage' : params.get('view') === 'config' ? 'config' : undefined;

if (hint === 'stage') StagePart.preload().catch(() => undefined);

root.render(<Spinner label={stringsFor(localeFrom(navigator.language)).detectingHost} styles={{ root: { marginTop: 24 } }} />);

void detectHost(hint).then(async (detection) => {
  performance.mark('sjv:host-detected');
  if (detection.kind === 'teams') {
    const host = detection.host;
    const base = `${location.origin}${location.pathname}`;
    root.render(<App host={host} api={new HttpTabApi(() => host.getToken())} stageUrl={`${base}?view=stage`} contentUrl={base} />);
    notifyRendered();
  } else {
    const { StandaloneApp, choiceFromUrl } = await import('./Standalone');
    root.render(<StandaloneApp choice={choiceFromUrl(location.search, navigator.language)} />);
  }
});
