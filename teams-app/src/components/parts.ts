/**
 * The tab's parts that load on demand (see ./lazy.tsx), grouped into as few `import()` targets as the
 * surfaces need (issue 15): esbuild makes a shared chunk for each combination of targets that share a
 * module with the entry, and the entry loads all of those before it runs — one target per component gave
 * 10 initial files, beyond HTTP/1.1's 6 connections per host. The groups:
 * - ./session-parts.ts: what the side panel shows after its data (the session with the agenda, the chair's
 *   forms, the agenda editor and the minutes) or when it happens ("no access", a problem — Fluent's
 *   MessageBar brings its buttons and their menus along), and the config page (small; a separate target
 *   would add a combination);
 * - ./StageView.tsx: the stage, another surface of the same page;
 * - the standalone page (../main.tsx imports it outside Teams).
 * A new component the side panel does not show in its loading state belongs in a group, not in a static
 * import; a new group only with a reason (tests/teams-app/bundle-split.test.ts holds the first chunk to its
 * list, budget and number of files).
 */
import { lazyPart } from './lazy';

const sessionParts = () => import('./session-parts');

export const SessionPart = lazyPart(async () => (await sessionParts()).Session);
export const NoAccessPart = lazyPart(async () => (await sessionParts()).NoAccess);
export const ProblemPart = lazyPart(async () => (await sessionParts()).ProblemBar);
export const ConfigPart = lazyPart(async () => (await sessionParts()).ConfigPage);
export const StagePart = lazyPart(async () => (await import('./StageView')).StageView);
