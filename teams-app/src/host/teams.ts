/**
 * The Teams host (teams-js 2.x) and the detection of where the tab runs. The only module that imports
 * teams-js, and it does so by `import()`: teams-js (with its dependencies about 70 KB of script, a fifth of
 * the tab's first script) is a chunk of its own that loads beside the side panel's first render, which does
 * not need it (issue 15); only its types are imported statically. Outside Teams teams-js never answers in an
 * iframe (it times out after 60 s) and rejects at once at the top level, so: a top-level window is
 * standalone at once (../main.tsx does not even load this module then), and in a frame `app.initialize`
 * races the wait of ./wait.ts. (teams-js itself: ./teams-sdk.ts, built apart by teams-app/build.ts.)
 */
import type * as TeamsJs from './teams-sdk';
import { localeFrom } from '../i18n';
import type { Host, HostContext, Surface, ThemeName } from './types';
import { surfaceFrom, themeFrom } from './types';
import { frameFacts } from './frame';
import { teamsWaitMs } from './wait';

export type Detection = { kind: 'teams'; host: Host } | { kind: 'standalone'; reason: 'top-level' | 'no-answer' | 'refused' };

type Sdk = typeof TeamsJs;
/** where the build put ./teams-sdk.ts (chunks/teams-sdk-<hash>.js, beside the page; teams-app/build.ts). */
declare const TEAMS_SDK_PATH: string;
let sdk: Promise<Sdk> | undefined;
/** teams-js, loaded once (a module of its own, built apart); started by the first detectHost. */
const teamsJs = (): Promise<Sdk> => (sdk ??= import(/* the built module, resolved against the page */ new URL(TEAMS_SDK_PATH, document.baseURI).href) as Promise<Sdk>);

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

export interface DetectOptions {
  /** called once Teams has answered `app.initialize` (before the context is asked). */
  onInitialized?: () => void;
  /** ask Teams for the SSO token at once, beside the context (the side panel's first API call needs it). */
  ssoAtOnce?: boolean;
}

/**
 * Where the tab runs; `surfaceHint` (from the URL) is used when Teams gives no frame context. How long to
 * wait for Teams follows the rule in ./wait.ts (not a fixed short timeout: slow Teams clients take longer).
 */
export async function detectHost(surfaceHint: Surface | undefined, timeoutMs: number = teamsWaitMs(frameFacts(window)), opts: DetectOptions = {}): Promise<Detection> {
  if (timeoutMs === 0) return { kind: 'standalone', reason: 'top-level' };
  try {
    const teams = await teamsJs();
    const { app, authentication } = teams;
    if ((await withTimeout(app.initialize(), timeoutMs)) === 'timeout') return { kind: 'standalone', reason: 'no-answer' };
    opts.onInitialized?.();
    // the token and the context in parallel: neither needs the other, and Teams answers both at once.
    const token = opts.ssoAtOnce ? authentication.getAuthToken() : undefined;
    token?.catch(() => undefined); // a refusal (a guest) is the side panel's to show, when it asks
    const ctx = await withTimeout(app.getContext(), timeoutMs);
    if (ctx === 'timeout') return { kind: 'standalone', reason: 'no-answer' };
    const context: HostContext = {
      kind: 'teams',
      surface: surfaceFrom(ctx.page.frameContext, surfaceHint ?? 'content'),
      ...(ctx.meeting?.id ? { meetingId: ctx.meeting.id } : {}),
      locale: localeFrom(ctx.app.locale),
      theme: themeFrom(ctx.app.theme),
    };
    return { kind: 'teams', host: new TeamsHost(teams, context, token) };
  } catch (e) {
    console.warn('[signaaltafel] Teams did not initialise the tab:', e instanceof Error ? e.message : String(e));
    return { kind: 'standalone', reason: 'refused' };
  }
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
  private token?: { value: Promise<string>; settled: boolean };

  /** `asked`: a token asked at detection (../main.tsx asks it beside the context), answered to the first callers. */
  constructor(
    private readonly teams: Sdk,
    readonly context: HostContext,
    asked?: Promise<string>,
  ) {
    if (asked) this.token = this.track(asked);
  }

  async getToken(): Promise<string> {
    // one request at a time: callers while Teams has not answered share it (a refusal included)
    if (this.token && !this.token.settled) return this.token.value;
    if (this.token) {
      const cached = await this.token.value.catch(() => undefined);
      if (cached && secondsLeft(cached) > 60) return cached;
    }
    this.token = this.track(this.teams.authentication.getAuthToken());
    return this.token.value;
  }

  private track(value: Promise<string>): { value: Promise<string>; settled: boolean } {
    const entry = { value, settled: false };
    value.then(
      () => (entry.settled = true),
      () => (entry.settled = true),
    );
    return entry;
  }

  shareStage(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.teams.meeting.shareAppContentToStage((error, result) => {
        if (error) reject(new Error(`shareAppContentToStage: ${error.errorCode ?? ''} ${error.message ?? ''}`.trim()));
        else if (result === false) reject(new Error('shareAppContentToStage: refused'));
        else resolve();
      }, url);
    });
  }

  onThemeChange(handler: (theme: ThemeName) => void): void {
    this.teams.app.registerOnThemeChangeHandler((theme) => handler(themeFrom(theme)));
  }

  registerConfig({ contentUrl, websiteUrl }: { contentUrl: string; websiteUrl: string }, entityId: string, name: string): void {
    const { pages } = this.teams;
    pages.config.registerOnSaveHandler((save) => {
      pages.config
        .setConfig({ contentUrl, websiteUrl, entityId, suggestedDisplayName: name })
        .then(() => save.notifySuccess())
        .catch((e: unknown) => save.notifyFailure(e instanceof Error ? e.message : String(e)));
    });
    pages.config.setValidityState(true);
  }
}

/** Tells Teams the tab has rendered (hides Teams' loading indicator); after detectHost found Teams. */
export function notifyRendered(): void {
  void teamsJs().then(notifySuccess);
}

function notifySuccess({ app }: Sdk): void {
  performance.mark('sjv:notify-success'); // for the benchmark: when Teams would hide its loading indicator
  try {
    app.notifySuccess().catch((e: unknown) => console.warn('[signaaltafel] notifySuccess failed:', e instanceof Error ? e.message : String(e)));
  } catch (e) {
    console.warn('[signaaltafel] notifySuccess failed:', e instanceof Error ? e.message : String(e));
  }
}
