/**
 * The parts of teams-js the tab uses, as one module that ./teams.ts loads by `import()` (a chunk of its
 * own): named re-exports, so that the build keeps only these of teams-js (a namespace `import()` of the
 * package itself would keep all of it, about three times as much).
 */
export { app, authentication, meeting, pages } from '@microsoft/teams-js';
