/**
 * A small document model shared by letters, the access export and the privacy documents, so that each
 * is written once and rendered both as Markdown and as .docx (docx.ts).
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** lines kept together without paragraph spacing (an address block, date and reference). */
  | { kind: 'lines'; lines: string[] }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface DocModel {
  /** document title (docx metadata; Markdown's first heading when no title block is present). */
  title: string;
  blocks: Block[];
}

/** `**bold**` spans: the only inline markup the model knows. */
export function inlineSpans(text: string): { text: string; bold: boolean }[] {
  const spans: { text: string; bold: boolean }[] = [];
  const re = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) spans.push({ text: text.slice(last, m.index), bold: false });
    spans.push({ text: m[1]!, bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), bold: false });
  return spans;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function toMarkdown(doc: DocModel): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${b.text}`);
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${b.text}`);
        break;
      case 'paragraph':
        out.push(b.text);
        break;
      case 'lines':
        out.push(b.lines.join('  \n'));
        break;
      case 'bullets':
        out.push(b.items.map((i) => `- ${i}`).join('\n'));
        break;
      case 'table':
        out.push(
          [`| ${b.head.map(cell).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'),
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** All text of a document, for tests and search: what a reader would see. */
export function plainText(doc: DocModel): string {
  return doc.blocks
    .map((b) => {
      switch (b.kind) {
        case 'title':
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'lines':
          return b.lines.join('\n');
        case 'bullets':
          return b.items.join('\n');
        case 'table':
          return [b.head, ...b.rows].map((r) => r.join('\t')).join('\n');
      }
    })
    .join('\n');
}
