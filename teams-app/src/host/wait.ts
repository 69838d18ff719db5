/**
 * How long the tab waits for Teams before it falls back to the standalone page. A slow Teams client can take
 * many seconds to answer `app.initialize`; giving up early shows the standalone page inside Teams and the
 * tab is never reported as loaded. So the rule is: decide at once only when it is clear the page is not in
 * Teams, and otherwise wait for Teams.
 * - top level (no parent frame, no opener): standalone at once (teams-js rejects there anyway);
 * - framed by a Microsoft 365 host (Teams, *.cloud.microsoft, Office, Outlook, SharePoint), or by a host
 *   the browser does not name: wait for Teams, up to teams-js's own bound of 60 s;
 * - framed by any other named origin, our own included (Teams never frames the tab from its own server):
 *   not Teams; a short wait, then standalone.
 * Pure, without teams-js, so that the rule is tested by itself.
 */
export const TEAMS_WAIT_MS = 60_000;
export const NOT_TEAMS_WAIT_MS = 2_500;

const MICROSOFT_HOSTS = [/(^|\.)teams\.microsoft\.com$/, /(^|\.)teams\.live\.com$/, /(^|\.)cloud\.microsoft$/, /(^|\.)office\.com$/, /(^|\.)office365\.com$/, /(^|\.)outlook\.com$/, /(^|\.)sharepoint\.com$/];

export interface FrameFacts {
  framed: boolean;
  hasOpener: boolean;
  /** the origin of the frame's parent (location.ancestorOrigins[0]); undefined where the browser does not say. */
  ancestorOrigin: string | undefined;
  ownOrigin: string;
}

export function isMicrosoftHost(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && MICROSOFT_HOSTS.some((p) => p.test(url.hostname));
}

/** Milliseconds to wait for Teams; 0: standalone at once. */
export function teamsWaitMs(f: FrameFacts): number {
  if (!f.framed && !f.hasOpener) return 0;
  if (f.ancestorOrigin === undefined || isMicrosoftHost(f.ancestorOrigin)) return TEAMS_WAIT_MS;
  return NOT_TEAMS_WAIT_MS;
}
