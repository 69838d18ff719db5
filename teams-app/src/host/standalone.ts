/**
 * The standalone host: the tab in a plain browser. Only in local mode (the server issues dev tokens for
 * demo users); in production the dev-token endpoint does not exist and the tab asks to be opened in Teams.
 */
import type { Host, HostContext, ThemeName } from './types';

type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** True when the server runs in local mode: it answers the dev-token endpoint (400 for an empty body), else 404. */
export async function serverIsLocal(baseUrl = '', fetchFn: FetchFn = (i, init) => fetch(i, init)): Promise<boolean> {
  try {
    const res = await fetchFn(`${baseUrl}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return res.status !== 404;
  } catch (e) {
    console.warn('[signaaltafel] server not reachable:', e instanceof Error ? e.message : String(e));
    return false;
  }
}

export class StandaloneHost implements Host {
  private token?: { value: string; until: number };

  constructor(
    readonly context: HostContext,
    private readonly userId: string,
    private readonly baseUrl = '',
    private readonly fetchFn: FetchFn = (i, init) => fetch(i, init),
  ) {}

  async getToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await this.fetchFn(`${this.baseUrl}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: this.userId }) });
    if (!res.ok) throw new Error(`dev token refused (${res.status})`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return body.access_token;
  }

  async shareStage(): Promise<void> {
    // no meeting stage outside Teams: the stage page (?view=stage) shows what the chair shared.
  }

  onThemeChange(_handler: (theme: ThemeName) => void): void {
    // a plain browser has no Teams theme to follow; the theme comes from the URL.
  }
}
