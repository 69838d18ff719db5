/**
 * The tab's parts that load on demand (see ./lazy.tsx), one chunk each: what the side panel shows after
 * its data (the session's controls; the agenda with the chair's forms), what it shows only when asked or
 * when it happens (the agenda editor, the minutes, "no access", a problem — Fluent's MessageBar brings its
 * buttons and their menus along); the stage and the config page, other surfaces of the same page.
 * A new component the side panel does not show in its loading state belongs here, not in a static import
 * (tests/teams-app/bundle-split.test.ts holds the first chunk to its list and budget).
 */
import { lazyPart } from './lazy';

export const SessionPart = lazyPart(async () => (await import('./Session')).Session);
export const AgendaPart = lazyPart(async () => (await import('./Agenda')).Agenda);
export const AgendaEditorPart = lazyPart(async () => (await import('./AgendaEditor')).AgendaEditor);
export const MinutesPart = lazyPart(async () => (await import('./MinutesView')).MinutesView);
export const StagePart = lazyPart(async () => (await import('./StageView')).StageView);
export const ConfigPart = lazyPart(async () => (await import('./ConfigPage')).ConfigPage);
export const NoAccessPart = lazyPart(async () => (await import('./NoAccess')).NoAccess);
export const ProblemPart = lazyPart(async () => (await import('./ProblemBar')).ProblemBar);
