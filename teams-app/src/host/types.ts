/**
 * The tab's view of its host, as a narrow interface: Teams (through teams-js, host/teams.ts) or a plain
 * browser (standalone, local mode only). Components take this, never teams-js itself, so that they render
 * and test outside Teams.
 */
import type { Locale } from '../i18n';

export type ThemeName = 'default' | 'dark' | 'contrast';
/** Which surface the tab renders: the meeting's side panel, the shared stage, a content tab, the config page. */
export type Surface = 'sidePanel' | 'stage' | 'content' | 'config';

export interface HostContext {
  kind: 'teams' | 'standalone';
  surface: Surface;
  /** the Teams meeting id (from the context); in standalone mode a chosen id. */
  meetingId?: string;
  locale: Locale;
  theme: ThemeName;
}

export interface Host {
  readonly context: HostContext;
  /** A bearer token for the API: Teams SSO (`authentication.getAuthToken`) or a local dev token. */
  getToken(): Promise<string>;
  /** Puts the stage page into the meeting stage (Teams); in standalone mode nothing to do. */
  shareStage(url: string): Promise<void>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The config page: tells Teams what to save for this tab (the URL it loads, and the page outside Teams). */
  registerConfig?(tab: { contentUrl: string; websiteUrl: string }, entityId: string, name: string): void;
}

export function themeFrom(raw: string | undefined | null): ThemeName {
  return raw === 'dark' ? 'dark' : raw === 'contrast' ? 'contrast' : 'default';
}

/** Teams frame contexts → the surface the tab shows. */
export function surfaceFrom(frameContext: string | undefined, fallback: Surface = 'content'): Surface {
  switch (frameContext) {
    case 'sidePanel':
      return 'sidePanel';
    case 'meetingStage':
      return 'stage';
    case 'settings':
      return 'config';
    case 'content':
      return 'content';
    default:
      return fallback;
  }
}
