/**
 * The signaaltafel's minutes as a .docx (issue 16), besides the Markdown: rendered from the same outline
 * (core minutesOutline), which is built per reader from that reader's Minutes — themselves built from the
 * reader's allow-list view of each case. No letterhead: minutes are the table's working document.
 */
import type { Minutes, OfferLabel } from '../core/meetings';
import { minutesOutline } from '../core/meetings';
import type { Locale } from '../core/vocabulary';
import type { Block, DocModel } from './document';
import { renderDocx } from './docx';
import type { OrganisationProfile } from './profile';

export function minutesDocument(minutes: Minutes, locale: Locale, organisationName: (id: string) => string, offerLabel?: OfferLabel): DocModel {
  const o = minutesOutline(minutes, locale, organisationName, offerLabel);
  const blocks: Block[] = [{ kind: 'title', text: o.title }, { kind: 'bullets', items: o.meta }];
  for (const section of o.sections) {
    blocks.push({ kind: 'heading', level: 1, text: section.heading });
    if (section.lines.length > 0) blocks.push({ kind: 'bullets', items: section.lines });
    for (const item of section.items) {
      blocks.push({ kind: 'heading', level: 2, text: item.heading });
      if (item.lines.length > 0) blocks.push({ kind: 'bullets', items: item.lines });
    }
  }
  blocks.push({ kind: 'paragraph', text: o.footer });
  return { title: o.title, blocks };
}

export function minutesToDocx(minutes: Minutes, locale: Locale, organisationName: (id: string) => string, profile: OrganisationProfile, offerLabel?: OfferLabel): Promise<Buffer> {
  return renderDocx(minutesDocument(minutes, locale, organisationName, offerLabel), profile, { locale: locale === 'en-US' ? 'en' : 'nl', letterhead: false });
}
