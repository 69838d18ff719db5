#!/usr/bin/env node
/**
 * Prints the mutation score per file from StrykerJS's JSON report (mutation-testing-report-schema):
 * score = (killed + timeout) / (killed + timeout + survived + no coverage); compile and runtime errors
 * and ignored mutants do not count. Lists the surviving mutants with their line. Usage:
 *   node scripts/mutation-score.mjs [report.json …]   (default: every reports/mutation/incremental/*.json; several
 *   reports, e.g. of runs on one file each, are merged — a file in a later report replaces an earlier one)
 * Exits 1, naming them, when a file with a score scores below MIN_SCORE (scripts/mutation-files.mjs; issue 20), or,
 * without arguments, when a file of the whole set (FILE_TESTS) has no result in any report.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { FILE_TESTS, MIN_SCORE, reportName } from './mutation-files.mjs';

const DIR = 'reports/mutation/incremental';
const inputs = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => `${DIR}/${f}`);
const report = { files: {} };
// A report named after a file (audit.json for src/core/audit.ts) is that file's own latest run: it wins over
// a file carried along in another run's report (an earlier run that mutated several files together).
const own = (report, source) => report.endsWith(`/${reportName(source)}.json`);
const chosen = new Map();
for (const file of inputs) {
  for (const [source, result] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).files)) {
    if (!chosen.has(source) || own(file, source)) chosen.set(source, { file, result });
  }
}
for (const [source, { result }] of chosen) report.files[source] = result;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const rows = [];
const survivors = [];
for (const [path, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (set) => mutants.filter((m) => set.has(m.status)).length;
  const detected = count(DETECTED);
  const undetected = count(UNDETECTED);
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const invalid = mutants.filter((m) => m.status === 'CompileError' || m.status === 'RuntimeError').length;
  rows.push({ path, detected, undetected, ignored, invalid });
  for (const m of mutants.filter((x) => UNDETECTED.has(x.status)))
    survivors.push(`${path}:${m.location.start.line} ${m.status} ${m.mutatorName}${m.replacement !== undefined ? ` → ${JSON.stringify(m.replacement).slice(0, 80)}` : ''}`);
}
const pct = (d, u) => (d + u === 0 ? 'n/a' : `${((100 * d) / (d + u)).toFixed(1)}%`);
const width = Math.max(...rows.map((r) => r.path.length), 5);
console.log(`${'file'.padEnd(width)}  score   killed  survived  ignored  invalid`);
for (const r of rows) console.log(`${r.path.padEnd(width)}  ${pct(r.detected, r.undetected).padStart(6)}  ${String(r.detected).padStart(6)}  ${String(r.undetected).padStart(8)}  ${String(r.ignored).padStart(7)}  ${String(r.invalid).padStart(7)}`);
const total = rows.reduce((a, r) => ({ d: a.d + r.detected, u: a.u + r.undetected }), { d: 0, u: 0 });
console.log(`${'all'.padEnd(width)}  ${pct(total.d, total.u).padStart(6)}  ${String(total.d).padStart(6)}  ${String(total.u).padStart(8)}`);
if (survivors.length) console.log(`\nundetected mutants:\n${survivors.join('\n')}`);
const below = rows.filter((r) => r.detected + r.undetected > 0 && (100 * r.detected) / (r.detected + r.undetected) < MIN_SCORE);
const unmeasured = process.argv.length > 2 ? [] : Object.keys(FILE_TESTS).filter((source) => !chosen.has(source));
if (unmeasured.length) console.log(`\nno result: ${unmeasured.join(', ')} (npm run mutation -- --mutate <file>)`);
if (below.length) {
  console.log(`\nbelow ${MIN_SCORE}%: ${below.map((r) => `${r.path} ${pct(r.detected, r.undetected)}`).join(', ')}`);
}
if (below.length || unmeasured.length) process.exit(1);
