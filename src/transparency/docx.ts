/**
 * Renders a DocModel as a .docx with the organisation's letterhead (logo, name, unit) and a footer with
 * its contact details. Only here does the transparency module touch the `docx` library.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocModel } from './document';
import { inlineSpans } from './document';
import type { Language } from './format';
import type { OrganisationProfile } from './profile';

const FONT = 'Arial';
const runs = (text: string, extra: { size?: number; bold?: boolean } = {}): TextRun[] =>
  inlineSpans(text).map((s) => new TextRun({ text: s.text, bold: s.bold || extra.bold === true, font: FONT, ...(extra.size ? { size: extra.size } : {}) }));

function blockToDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 240, after: 240 }, children: runs(b.text, { size: 32, bold: true }) })];
    case 'heading': {
      const level = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading: level, spacing: { before: 240, after: 80 }, children: runs(b.text, { bold: true, size: b.level === 1 ? 28 : 24 }) })];
    }
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(b.text) })];
    case 'lines':
      return [
        new Paragraph({
          spacing: { after: 240 },
          children: b.lines.flatMap((line, i) => (i === 0 ? runs(line) : [new TextRun({ break: 1, text: '', font: FONT }), ...runs(line)])),
        }),
      ];
    case 'bullets':
      return b.items.map((item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, spacing: { after: 60 }, children: runs(item) }));
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const row = (cells: string[], head: boolean): TableRow =>
        new TableRow({
          tableHeader: head,
          children: cells.map(
            (c) =>
              new TableCell({
                borders,
                ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
                children: c.split('\n').map((line) => new Paragraph({ children: runs(line, { size: 18, bold: head }) })),
              }),
          ),
        });
      return [
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(b.head, true), ...b.rows.map((r) => row(r, false))] }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

export interface DocxOptions {
  locale: Language;
  /** letterhead with logo and contact footer (letters, export); false for plain documents. */
  letterhead: boolean;
}

export async function renderDocx(doc: DocModel, profile: OrganisationProfile, opts: DocxOptions): Promise<Buffer> {
  const headerChildren: Paragraph[] = [];
  if (opts.letterhead) {
    if (profile.logoImage) {
      headerChildren.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new ImageRun({ type: profile.logoImage.type, data: profile.logoImage.data, transformation: { width: 160, height: 48 }, altText: { name: 'logo', title: profile.name, description: profile.name } })],
        }),
      );
    }
    headerChildren.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: profile.name, bold: true, font: FONT }), new TextRun({ text: profile.unit, break: 1, font: FONT })] }));
  }
  const page = opts.locale === 'nl' ? 'Pagina' : 'Page';
  const contact = [profile.name, profile.unit, profile.phone, profile.email, ...(profile.website ? [profile.website] : [])].join(' · ');
  const footer = new Footer({
    children: [
      ...(opts.letterhead ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: contact, size: 16, font: FONT })] })] : []),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${page} `, PageNumber.CURRENT], size: 16, font: FONT })] }),
    ],
  });
  const document = new Document({
    creator: `${profile.name} — ${profile.unit}`,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 22, language: { value: opts.locale === 'nl' ? 'nl-NL' : 'en-GB' } } } } },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }],
    },
    sections: [
      {
        headers: { default: new Header({ children: headerChildren }) },
        footers: { default: footer },
        children: doc.blocks.flatMap(blockToDocx),
      },
    ],
  });
  return Packer.toBuffer(document);
}
