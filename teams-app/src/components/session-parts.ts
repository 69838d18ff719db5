/**
 * What the side panel shows once its data is there or when something happens — the session with the
 * agenda, the chair's forms, the agenda editor and the minutes; "no access"; a problem — and the config
 * page: ONE `import()` target (./parts.ts), so one chunk group. esbuild's code splitting makes a shared chunk
 * for each combination of `import()` targets that share a module with the entry, and the entry imports each
 * of them before it runs: with one target per component that was 10 initial files, more than HTTP/1.1's 6
 * connections per host (issue 15; tests/teams-app/bundle-split.test.ts holds the count).
 */
export { Session } from './Session';
export { NoAccess } from './NoAccess';
export { ProblemBar } from './ProblemBar';
export { ConfigPage } from './ConfigPage';
