/**
 * The Teams host (teams-js 2.x) and the detection of where the tab runs. The only module that imports
 * teams-js. Outside Teams teams-js never answers in an iframe (it times out after 60 s) and rejects at
 * once at the top level, so: a top-level window is standalone at once, and in a frame `app.initialize`
 * races the wait of ./wait.ts.
 */
import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import { localeFrom } from '../i18n';
import type { Host, HostContext, Surface, ThemeName } from './types';
import { surfaceFrom, themeFrom } from './types';
import type { FrameFacts } from './wait';
import { teamsWaitMs } from './wait';

export type Detection = { kind: 'teams'; host: Host } | { kind: 'standalone'; reason: 'top-level' | 'no-answer' | 'refused' };

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

/**
 * Where the tab runs; `surfaceHint` (from the URL) is used when Teams gives no frame context. How long to
 * wait for Teams follows the rule in ./wait.ts (not a fixed short timeout: slow Teams clients take longer).
 */
export async function detectHost(surfaceHint: Surface | undefined, timeoutMs: number = teamsWaitMs(frameFacts(window))): Promise<Detection> {
  if (timeoutMs === 0) return { kind: 'standalone', reason: 'top-level' };
  try {
    if ((await withTimeout(app.initialize(), timeoutMs)) === 'timeout') return { kind: 'standalone', reason: 'no-answer' };
    const ctx = await withTimeout(app.getContext(), timeoutMs);
    if (ctx === 'timeout') return { kind: 'standalone', reason: 'no-answer' };
    const context: HostContext = {
      kind: 'teams',
      surface: surfaceFrom(ctx.page.frameContext, surfaceHint ?? 'content'),
      ...(ctx.meeting?.id ? { meetingId: ctx.meeting.id } : {}),
      locale: localeFrom(ctx.app.locale),
      theme: themeFrom(ctx.app.theme),
    };
    return { kind: 'teams', host: new TeamsHost(context) };
  } catch (e) {
    console.warn('[signaaltafel] Teams did not initialise the tab:', e instanceof Error ? e.message : String(e));
    return { kind: 'standalone', reason: 'refused' };
  }
}

/** The facts of the running page for the wait rule. */
function frameFacts(w: Window): FrameFacts {
  const ancestors = w.location.ancestorOrigins as DOMStringList | undefined;
  return { framed: w.parent !== w, hasOpener: Boolean(w.opener), ancestorOrigin: ancestors && ancestors.length > 0 ? ancestors[0]! : undefined, ownOrigin: w.location.origin };
}

/** Seconds until a JWT's `exp` (0 when unreadable): the SSO token is reused until shortly before it expires. */
export function secondsLeft(token: string, nowMs: number = Date.now()): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp - nowMs / 1000 : 0;
  } catch {
    return 0;
  }
}

export class TeamsHost implements Host {
  /** the SSO token of this tab instance (not module state), reused until a minute before it expires. */
  private token?: Promise<string>;

  constructor(readonly context: HostContext) {}

  async getToken(): Promise<string> {
    if (this.token) {
      const cached = await this.token.catch(() => undefined);
      if (cached && secondsLeft(cached) > 60) return cached;
    }
    this.token = authentication.getAuthToken();
    return this.token;
  }

  shareStage(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      meeting.shareAppContentToStage((error, result) => {
        if (error) reject(new Error(`shareAppContentToStage: ${error.errorCode ?? ''} ${error.message ?? ''}`.trim()));
        else if (result === false) reject(new Error('shareAppContentToStage: refused'));
        else resolve();
      }, url);
    });
  }

  onThemeChange(handler: (theme: ThemeName) => void): void {
    app.registerOnThemeChangeHandler((theme) => handler(themeFrom(theme)));
  }

  registerConfig(contentUrl: string, entityId: string, name: string): void {
    pages.config.registerOnSaveHandler((save) => {
      pages.config
        .setConfig({ contentUrl, websiteUrl: contentUrl, entityId, suggestedDisplayName: name })
        .then(() => save.notifySuccess())
        .catch((e: unknown) => save.notifyFailure(e instanceof Error ? e.message : String(e)));
    });
    pages.config.setValidityState(true);
  }
}

/** Tells Teams the tab has rendered (hides Teams' loading indicator). */
export function notifyRendered(): void {
  try {
    app.notifySuccess().catch((e: unknown) => console.warn('[signaaltafel] notifySuccess failed:', e instanceof Error ? e.message : String(e)));
  } catch (e) {
    console.warn('[signaaltafel] notifySuccess failed:', e instanceof Error ? e.message : String(e));
  }
}
