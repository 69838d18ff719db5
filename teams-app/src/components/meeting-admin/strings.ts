/**
 * The strings of the chair's status-round note, the attendance list and the docx minutes (issue 16), in
 * Dutch and English; the English table has the Dutch table's type. Kept beside the components that are
 * loaded on demand, so that they travel in the same chunk (src/i18n.ts holds the first screen's strings).
 */
import type { Locale } from '../../i18n';

const nl = {
  // status round
  statusActions: 'Acties (op statusniveau)',
  noStatusActions: 'Geen acties zichtbaar.',
  actionLine: (offer: string, org: string, due: string, status: string) => `${offer} — ${org}, uiterlijk ${due}: ${status}`,
  statusNote: 'Statusnotitie',
  statusNoteHelp: 'Kort, op procesniveau en zonder namen of andere gegevens waaraan iemand te herkennen is.',
  saveStatusNote: 'Statusnotitie opslaan',
  statusNoteSaved: 'Statusnotitie opgeslagen.',
  noStatusNote: 'Nog geen statusnotitie.',
  // attendees
  attendees: 'Aanwezigen',
  editAttendees: 'Aanwezigen vastleggen',
  attendeesHelp: 'Per organisatie de rol waarin zij aanwezig is. Geen namen van personen.',
  saveAttendees: 'Aanwezigen opslaan',
  attendeesSaved: 'Aanwezigen opgeslagen.',
  noAttendees: 'Nog geen aanwezigen vastgelegd.',
  cancel: 'Annuleren',
  close: 'Sluiten',
  // minutes
  downloadMinutesDocx: 'Notulen downloaden (Word)',
};

type AdminStrings = typeof nl;

const en: AdminStrings = {
  statusActions: 'Actions (at status level)',
  noStatusActions: 'No actions visible.',
  actionLine: (offer, org, due, status) => `${offer} — ${org}, due ${due}: ${status}`,
  statusNote: 'Status note',
  statusNoteHelp: 'Short, at process level, without names or anything else that identifies a person.',
  saveStatusNote: 'Save status note',
  statusNoteSaved: 'Status note saved.',
  noStatusNote: 'No status note yet.',
  attendees: 'Attendees',
  editAttendees: 'Record attendees',
  attendeesHelp: 'Per organisation the role in which it attends. No names of persons.',
  saveAttendees: 'Save attendees',
  attendeesSaved: 'Attendees saved.',
  noAttendees: 'No attendees recorded yet.',
  cancel: 'Cancel',
  close: 'Close',
  downloadMinutesDocx: 'Download minutes (Word)',
};

export const adminStrings = (locale: Locale): AdminStrings => (locale === 'nl-NL' ? nl : en);
