/**
 * The letter template language: plain text a municipality can edit, with placeholders.
 *
 *   # Title                       the letter's subject (one)
 *   ## Heading                    a section heading
 *   - text                        a bullet;  `- {{each list}}` makes one bullet per item
 *   | text                        a line of a compact block (address, date, reference); `| {{each list}}` too
 *   text                          a paragraph (consecutive lines are joined; a blank line ends it)
 *   {{#if flag}} … {{/if}}        lines kept only when the flag holds ({{#unless flag}} … {{/unless}}: when not)
 *   <!-- note -->                 a note for editors, not printed
 *   {{name}}                      replaced by a value; **bold** marks bold text
 *
 * Every placeholder must belong to the letter kind's vocabulary, and each kind has placeholders a
 * template must keep (the legally required parts), so an edit cannot silently drop them.
 */
import type { Block } from './document';

export interface Vocabulary {
  scalars: readonly string[];
  lists: readonly string[];
  flags: readonly string[];
  /** placeholders the template must use (legally required content). */
  required: readonly string[];
}

export type TemplateValues = Record<string, string | readonly string[] | boolean>;

export interface TemplateIssue {
  line: number;
  problem: 'UNKNOWN_PLACEHOLDER' | 'WRONG_USE' | 'UNBALANCED_BLOCK' | 'MISSING_REQUIRED' | 'NO_TITLE' | 'EACH_NOT_ALONE';
  detail: string;
}

const PLACEHOLDER = /\{\{\s*([#/]?)(?:(if|unless|each)\s+)?([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g;
const BLOCK_OPEN = /^\{\{\s*#(if|unless)\s+([A-Za-z][A-Za-z0-9_.]*)\s*\}\}$/;
const BLOCK_CLOSE = /^\{\{\s*\/(if|unless)\s*\}\}$/;
const EACH = /^\{\{\s*each\s+([A-Za-z][A-Za-z0-9_.]*)\s*\}\}$/;

/** Checks a template against a vocabulary; an empty list means it is usable. */
export function checkTemplate(source: string, vocab: Vocabulary): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const used = new Set<string>();
  const stack: { kind: string; line: number }[] = [];
  let titles = 0;
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line.startsWith('<!--')) return;
    const open = BLOCK_OPEN.exec(line);
    if (open) {
      stack.push({ kind: open[1]!, line: n });
      used.add(open[2]!);
      if (!vocab.flags.includes(open[2]!)) issues.push({ line: n, problem: vocab.scalars.includes(open[2]!) || vocab.lists.includes(open[2]!) ? 'WRONG_USE' : 'UNKNOWN_PLACEHOLDER', detail: open[2]! });
      return;
    }
    const close = BLOCK_CLOSE.exec(line);
    if (close) {
      const top = stack.pop();
      if (!top || top.kind !== close[1]) issues.push({ line: n, problem: 'UNBALANCED_BLOCK', detail: line });
      return;
    }
    if (/^#\s/.test(line)) titles += 1;
    const body = line.replace(/^(#{1,3}|-|\|)\s+/, '');
    const each = EACH.exec(body);
    for (const m of line.matchAll(PLACEHOLDER)) {
      const [, sigil, keyword, name] = m as unknown as [string, string, string | undefined, string];
      used.add(name);
      if (sigil) {
        issues.push({ line: n, problem: 'UNBALANCED_BLOCK', detail: `${m[0]} must stand on its own line` });
        continue;
      }
      if (keyword === 'each') {
        if (!each || !/^(-|\|)\s/.test(line)) issues.push({ line: n, problem: 'EACH_NOT_ALONE', detail: `${m[0]} must be the whole of a "- " or "| " line` });
        if (!vocab.lists.includes(name)) issues.push({ line: n, problem: vocab.scalars.includes(name) || vocab.flags.includes(name) ? 'WRONG_USE' : 'UNKNOWN_PLACEHOLDER', detail: name });
      } else if (keyword) {
        issues.push({ line: n, problem: 'UNBALANCED_BLOCK', detail: `${m[0]} must stand on its own line` });
      } else if (!vocab.scalars.includes(name)) {
        issues.push({ line: n, problem: vocab.lists.includes(name) || vocab.flags.includes(name) ? 'WRONG_USE' : 'UNKNOWN_PLACEHOLDER', detail: name });
      }
    }
  });
  for (const open of stack) issues.push({ line: open.line, problem: 'UNBALANCED_BLOCK', detail: `{{#${open.kind}}} not closed` });
  if (titles !== 1) issues.push({ line: 0, problem: 'NO_TITLE', detail: `a template has exactly one "# " title line (found ${titles})` });
  for (const r of vocab.required) if (!used.has(r)) issues.push({ line: 0, problem: 'MISSING_REQUIRED', detail: r });
  return issues;
}

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly issues: TemplateIssue[],
  ) {
    super(`template ${template}: ${issues.map((i) => `line ${i.line} ${i.problem} ${i.detail}`).join('; ')}`);
    this.name = 'TemplateError';
  }
}

function scalar(values: TemplateValues, name: string): string {
  const v = values[name];
  if (typeof v !== 'string') throw new Error(`template value ${name} is not a text`);
  return v;
}

/** Renders a checked template with values into blocks. Values must cover the vocabulary. */
export function renderTemplate(source: string, values: TemplateValues): { title: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let title = '';
  let paragraph: string[] = [];
  let lines: string[] | undefined;
  let bullets: string[] | undefined;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (lines) blocks.push({ kind: 'lines', lines });
    if (bullets) blocks.push({ kind: 'bullets', items: bullets });
    paragraph = [];
    lines = undefined;
    bullets = undefined;
  };
  const fill = (s: string): string => s.replace(PLACEHOLDER, (_m, _sigil, _kw, name: string) => scalar(values, name));
  const listOf = (name: string): string[] => {
    const v = values[name];
    if (!Array.isArray(v)) throw new Error(`template value ${name} is not a list`);
    return [...(v as readonly string[])];
  };
  const active: boolean[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('<!--')) continue;
    const open = BLOCK_OPEN.exec(line);
    if (open) {
      const flag = values[open[2]!] === true;
      active.push(open[1] === 'if' ? flag : !flag);
      continue;
    }
    if (BLOCK_CLOSE.test(line)) {
      active.pop();
      continue;
    }
    if (active.includes(false)) continue;
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,3})\s+(\S.*|)$/.exec(line);
    if (heading) {
      flush();
      const text = fill(heading[2]!);
      if (heading[1] === '#') {
        title = text;
        blocks.push({ kind: 'title', text });
      } else blocks.push({ kind: 'heading', level: heading[1] === '##' ? 1 : 2, text });
      continue;
    }
    const item = /^(-|\|)\s+(\S.*|)$/.exec(line);
    if (item) {
      const each = EACH.exec(item[2]!);
      const texts = each ? listOf(each[1]!) : [fill(item[2]!)];
      if (item[1] === '-') {
        if (paragraph.length || lines) flush();
        bullets = [...(bullets ?? []), ...texts];
      } else {
        if (paragraph.length || bullets) flush();
        lines = [...(lines ?? []), ...texts];
      }
      continue;
    }
    if (lines || bullets) flush();
    paragraph.push(fill(line));
  }
  flush();
  return { title, blocks: blocks.filter((b) => !(b.kind === 'lines' && b.lines.length === 0) && !(b.kind === 'bullets' && b.items.length === 0)) };
}
