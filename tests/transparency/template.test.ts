import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LETTER_KINDS, LETTER_VOCABULARY, loadLetterTemplates } from '../../src/transparency/letters';
import { LANGUAGES } from '../../src/transparency/format';
import type { Vocabulary } from '../../src/transparency/template';
import { TemplateError, checkTemplate, renderTemplate } from '../../src/transparency/template';
import { TEMPLATES_DIR } from './support';

const VOCAB: Vocabulary = { scalars: ['name', 'date'], lists: ['items', 'address'], flags: ['young'], required: ['name'] };

describe('the letter template language', () => {
  test('renders title, headings, paragraphs, compact lines and bullets, joining consecutive lines into one paragraph', () => {
    const source = ['| {{name}}', '| {{each address}}', '', '# Brief aan {{name}}', '', 'Eerste regel', 'loopt door.', '', '## Kop', '- vast punt', '- {{each items}}', 'Na de lijst.'].join('\n');
    const out = renderTemplate(source, { name: 'Sam', date: '1 maart', items: ['een', 'twee'], address: ['Straat 1', '1234 AB Stad'], young: false });
    expect(out.title).toBe('Brief aan Sam');
    expect(out.blocks).toEqual([
      { kind: 'lines', lines: ['Sam', 'Straat 1', '1234 AB Stad'] },
      { kind: 'title', text: 'Brief aan Sam' },
      { kind: 'paragraph', text: 'Eerste regel loopt door.' },
      { kind: 'heading', level: 1, text: 'Kop' },
      { kind: 'bullets', items: ['vast punt', 'een', 'twee'] },
      { kind: 'paragraph', text: 'Na de lijst.' },
    ]);
  });

  test('keeps {{#if}} lines only when the flag holds and {{#unless}} lines only when it does not', () => {
    const source = ['# T {{name}}', '{{#if young}}', 'Voor ouders.', '{{/if}}', '{{#unless young}}', 'Voor jou.', '{{/unless}}'].join('\n');
    const text = (young: boolean): string[] =>
      renderTemplate(source, { name: 'x', date: '', items: [], address: [], young }).blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(text(true)).toEqual(['Voor ouders.']);
    expect(text(false)).toEqual(['Voor jou.']);
  });

  test('drops an empty list instead of printing an empty block', () => {
    const out = renderTemplate('# T {{name}}\n| {{each address}}', { name: 'x', date: '', items: [], address: [], young: false });
    expect(out.blocks).toEqual([{ kind: 'title', text: 'T x' }]);
  });

  test('a checked template reports unknown placeholders, wrong use, unbalanced blocks and missing required ones with line numbers', () => {
    const issues = checkTemplate(['# T', 'Hallo {{naam}}', '- {{each name}}', '{{#if items}}', 'x'].join('\n'), VOCAB);
    expect(issues).toEqual(
      expect.arrayContaining([
        { line: 2, problem: 'UNKNOWN_PLACEHOLDER', detail: 'naam' },
        { line: 3, problem: 'WRONG_USE', detail: 'name' },
        { line: 4, problem: 'WRONG_USE', detail: 'items' },
        { line: 4, problem: 'UNBALANCED_BLOCK', detail: '{{#if}} not closed' },
      ]),
    );
    expect(checkTemplate('# T\nHallo.', VOCAB)).toEqual([{ line: 0, problem: 'MISSING_REQUIRED', detail: 'name' }]);
    expect(checkTemplate('Geen titel {{name}}', VOCAB).map((i) => i.problem)).toEqual(['NO_TITLE']);
    expect(checkTemplate('# T {{name}}\nTekst {{each items}} midden in een regel', VOCAB).map((i) => i.problem)).toEqual(['EACH_NOT_ALONE']);
    expect(checkTemplate('# T {{name}}\n{{/if}}', VOCAB).map((i) => i.problem)).toEqual(['UNBALANCED_BLOCK']);
  });

  test('comments for editors are not printed and not checked', () => {
    expect(checkTemplate('<!-- {{onbekend}} -->\n# T {{name}}', VOCAB)).toEqual([]);
    expect(renderTemplate('<!-- notitie -->\n# T {{name}}', { name: 'x', date: '', items: [], address: [], young: false }).blocks).toHaveLength(1);
  });
});

describe('the shipped letter templates', () => {
  test.each(LANGUAGES.flatMap((l) => LETTER_KINDS.map((k) => [l, k] as const)))('%s/%s uses only its vocabulary and keeps every required part', (locale, kind) => {
    const source = readFileSync(join(TEMPLATES_DIR, 'letters', locale, `${kind}.md`), 'utf8');
    expect(checkTemplate(source, LETTER_VOCABULARY[kind])).toEqual([]);
  });

  test.each(LETTER_KINDS)('the nl and en %s templates use the same placeholders and the same conditions', (kind) => {
    const placeholders = (locale: string): string[] =>
      [...new Set([...readFileSync(join(TEMPLATES_DIR, 'letters', locale, `${kind}.md`), 'utf8').replace(/<!--.*-->/g, '').matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1]!.trim()))].sort();
    expect(placeholders('en')).toEqual(placeholders('nl'));
  });

  test('loading refuses a template folder where an edit dropped a legally required part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sjv-templates-'));
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    expect(() => loadLetterTemplates(dir)).not.toThrow();
    const file = join(dir, 'letters', 'nl', 'information.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\{\{complaint\.authority\}\}/g, 'de toezichthouder'));
    expect(() => loadLetterTemplates(dir)).toThrow(TemplateError);
    expect(() => loadLetterTemplates(dir)).toThrow(/MISSING_REQUIRED complaint\.authority/);
  });
});

describe('the template guide for the municipality', () => {
  test('templates/README.md documents every placeholder of every letter', () => {
    const guide = readFileSync(join(TEMPLATES_DIR, 'README.md'), 'utf8');
    for (const kind of LETTER_KINDS) {
      const v = LETTER_VOCABULARY[kind];
      for (const name of v.scalars) expect(guide).toContain(`{{${name}}}`);
      for (const name of v.lists) expect(guide).toContain(`{{each ${name}}}`);
      for (const name of v.flags) expect(guide).toContain(`{{#if ${name}}}`);
    }
  });
});
