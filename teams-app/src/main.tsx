/**
 * Entry of the tab: decide at once whether the page runs in Teams (teams-js answers) or standalone, and
 * render the app for that host. In Teams the API token comes from SSO (`authentication.getAuthToken`).
 */
import { Spinner } from '@fluentui/react';
import { createRoot } from 'react-dom/client';
import { HttpTabApi } from './api';
import { App } from './App';
import { detectHost, notifyRendered } from './host/teams';
import { localeFrom, stringsFor } from './i18n';
import { registerTabIcons } from './icons';
import { StandaloneApp, choiceFromUrl } from './Standalone';

performance.mark('sjv:script-start');
registerTabIcons();
const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('#root missing');
const root = createRoot(rootEl);
const params = new URLSearchParams(location.search);
const hint = params.get('view') === 'stage' ? 'stage' : params.get('view') === 'config' ? 'config' : undefined;

root.render(<Spinner label={stringsFor(localeFrom(navigator.language)).detectingHost} styles={{ root: { marginTop: 24 } }} />);

void detectHost(hint).then((detection) => {
  performance.mark('sjv:host-detected');
  if (detection.kind === 'teams') {
    const host = detection.host;
    const base = `${location.origin}${location.pathname}`;
    root.render(<App host={host} api={new HttpTabApi(() => host.getToken())} stageUrl={`${base}?view=stage`} contentUrl={base} />);
    notifyRendered();
  } else {
    root.render(<StandaloneApp choice={choiceFromUrl(location.search, navigator.language)} />);
  }
});
