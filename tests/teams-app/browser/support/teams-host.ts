/**
 * A same-origin test host for the tab: a page that frames the tab and answers teams-js's postMessages as
 * Teams would — initialize (with the frame context), getContext (meeting id, locale, theme),
 * authentication.getAuthToken (SSO; here a local dev token for the signed-in demo user, or a failure for
 * an anonymous guest) and the meeting stage calls — and records what the tab asked for.
 * Used by the browser tests and the benchmark. No DOM types here: the page's script is a string.
 */

export interface TeamsHostOptions {
  /** the tab page to frame, same origin as the host page, e.g. /pages/index.html */
  tabPath: string;
  frameContext: 'sidePanel' | 'meetingStage' | 'content' | 'settings';
  meetingId: string;
  /** demo user the SSO token is issued for; null: an anonymous participant (no token). */
  user: string | null;
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
  /** width of the frame in px (the side panel is narrow). */
  width?: number;
  /** an SSO token Teams already holds in its cache (answered at once); else one is fetched on first use. */
  cachedToken?: string;
  /** hold the answer to `initialize` until the test calls `window.__answerInitialize()` (a slow Teams client). */
  holdInitialize?: boolean;
}

export const TEAMS_RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appInitialization: {},
    authentication: {},
    meeting: { appShareButton: {} },
    pages: { appButton: {}, config: {}, tabs: {} },
    stageView: {},
    teamsCore: {},
  },
};

/** The teams-js CDN list of valid origins: the browser tests answer its fetch with this stub. */
export const VALID_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';
export const VALID_ORIGINS_STUB = JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] });

export function teamsHostPage(o: TeamsHostOptions): string {
  const config = {
    tabPath: o.tabPath,
    frameContext: o.frameContext,
    user: o.user,
    token: o.cachedToken ?? null,
    holdInitialize: o.holdInitialize === true,
    runtime: JSON.stringify(TEAMS_RUNTIME),
    context: {
      locale: o.locale ?? 'nl-nl',
      theme: o.theme ?? 'default',
      frameContext: o.frameContext,
      meetingId: o.meetingId,
      chatId: o.meetingId,
      hostClientType: 'web',
      hostName: 'Teams',
      appSessionId: '7e4a0a7f-6f2b-4d5d-9a2e-000000000001',
      tid: '00000000-0000-4000-8000-00000000c0de',
      userObjectId: '00000000-0000-4000-8000-00000000f00d',
      entityId: 'signaaltafel',
    },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams test host</title>
<style>body{margin:0} iframe{border:0;width:${o.width ?? 360}px;height:900px}</style></head>
<body>
<iframe id="tab" title="tab" src="${o.tabPath}${o.tabPath.includes('?') ? '&' : '?'}host=test"></iframe>
<script>
(function () {
  var cfg = ${JSON.stringify(config)};
  var host = { calls: [], shared: [], unhandled: [], theme: cfg.context.theme };
  window.__teamsHost = host;
  var frame = document.getElementById('tab');
  function reply(msg, args) {
    frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args: args }, location.origin);
  }
  var cachedToken = cfg.token ? Promise.resolve([true, cfg.token]) : null;
  function token() {
    if (!cfg.user) return Promise.resolve([false, 'FailedToGetToken: anonymous participant']);
    // Teams caches the SSO token of a tab: the first call costs, later calls answer from the cache.
    if (cachedToken) return cachedToken;
    return cachedToken = fetch('/api/v1/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: cfg.user }) })
      .then(function (r) { return r.json(); })
      .then(function (b) { return b.access_token ? [true, b.access_token] : [false, 'FailedToGetToken']; });
  }
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || !e.data || typeof e.data !== 'object' || typeof e.data.func !== 'string') return;
    var m = e.data;
    host.calls.push(m.func);
    switch (m.func) {
      case 'initialize':
        if (cfg.holdInitialize) return void (host.heldInitialize = m);
        return reply(m, [cfg.frameContext, 'web', cfg.runtime, '2.58.0']);
      case 'getContext':
        return reply(m, [Object.assign({}, cfg.context, { theme: host.theme })]);
      case 'authentication.getAuthToken':
        return token().then(function (a) { reply(m, a); });
      case 'meeting.shareAppContentToStage':
        host.shared.push(m.args[0]);
        return reply(m, [null, true]);
      case 'meeting.getAppContentStageSharingCapabilities':
        return reply(m, [null, { doesAppHaveSharePermission: true }]);
      case 'meeting.getAppContentStageSharingState':
        return reply(m, [null, { isAppSharing: host.shared.length > 0 }]);
      case 'appInitialization.success':
      case 'app.notifySuccess':
      case 'appInitialization.appLoaded':
      case 'registerHandler':
        return;
      default:
        host.unhandled.push(m.func);
    }
  });
  /** answers a held initialize (holdInitialize). */
  window.__answerInitialize = function () {
    if (!host.heldInitialize) throw new Error('initialize was not asked');
    reply(host.heldInitialize, [cfg.frameContext, 'web', cfg.runtime, '2.58.0']);
  };
  /** Teams changes its theme: the same message Teams sends. */
  window.__setTheme = function (theme) {
    host.theme = theme;
    frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
  };
})();
</script>
</body></html>`;
}
