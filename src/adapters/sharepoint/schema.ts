/**
 * The SharePoint lists of the restricted Signaalpunt site, as data: one table that provisioning creates
 * and the store reads and writes. Lists are split by sensitivity so that item permissions can follow the
 * policy table (see permissions.ts):
 *
 * | list            | holds                                             | who can read items            |
 * |-----------------|---------------------------------------------------|-------------------------------|
 * | SJVCases        | A as process-level columns (no actors) + B         | from the policy table, per item |
 * | SJVCaseFrames   | A in full (who brought it in, who decided)          | from the policy table, per item |
 * | SJVPersons      | C identity, F contact                              | nobody: server app only       |
 * | SJVEnrichment   | D, one item per case × partner organisation          | from the policy table, per item |
 * | SJVDiscussion   | E discussion, G follow-up, H reflection              | from the policy table, per item |
 * | SJVRelations    | which organisations were asked / are parties         | nobody: server app only       |
 * | SJVMeetings     | signaaltafel meetings (agenda of references)         | procesregisseur, voorzitter   |
 * | SJVAudit        | the append-only, hash-chained audit log              | privacy officer (read)        |
 * | SJVAuditCheckpoints | anchors of the audit's head (ADR 0009)           | privacy officer (add; edits own items only) |
 * | SJVDeletions    | deletion records (no content)                        | procesregisseur, privacy officer |
 * | SJVCommands     | idempotency records of commands                      | nobody: server app only       |
 * | SJVJournal      | write-ahead journal of transactions in flight (transient; personal data) | nobody: server app only |
 * | SJVCounters     | reference number counters per year                   | nobody: server app only       |
 * | SJVLeases       | leases of scheduled jobs                             | nobody: server app only       |
 * | SJVBotOutbox    | the bot's proactive message queue (codes, ids)       | nobody: server app only       |
 * | SJVBotConversations, SJVBotCursors | the bot's conversation references, audit cursors | nobody: server app only |
 * | SJVResidentAccess | residents' access codes: a keyed hash per kenmerk (ADR 0011) | nobody: server app only |
 * | SJVResidentState | the resident server's attempt counters, locks and requests | nobody: server app only |
 * | SJVOrganisations, SJVUsers | the registry                               | nobody: server app only       |
 * | SJVReferenceData | reference data versions: catalogue entries, local offer, registry (ADR 0017) | nobody: server app only |
 *
 * Every column used in a $filter or $orderby is indexed, so that queries stay under the 5,000-item list
 * view threshold. Versioning is off on every list: a destroyed value must not survive in an item version.
 * Dates are ISO strings in Text columns (timezone-free, compared lexicographically).
 */

import { CASES_LIST } from '../../../packages/contract/src/sharepoint';
import { JOURNAL_PAYLOAD_FIELDS } from './journal';

export type FieldType = 'Text' | 'Note' | 'Number';

export interface FieldDef {
  name: string;
  type: FieldType;
  indexed?: boolean;
  unique?: boolean;
}

/** Base roles that may get list-level read access (never item-level; item-level follows the policy). */
export type ListReader = 'procesregisseur' | 'voorzitter' | 'privacyOfficer';

export interface ListDef {
  title: string;
  description: string;
  fields: readonly FieldDef[];
  /** true: every item gets its own role assignments from the policy table. */
  itemPermissions: boolean;
  /** role groups with read access on the whole list (the list's own, broken inheritance). */
  listReaders: readonly ListReader[];
  /**
   * role groups that may add items (Contribute); with `ownItemsOnly` they may edit or delete only the items
   * they created themselves (the list's WriteSecurity = 2).
   */
  listContributors?: readonly ListReader[];
  ownItemsOnly?: boolean;
}

const text = (name: string, opts: { indexed?: boolean; unique?: boolean } = {}): FieldDef => ({ name, type: 'Text', ...opts });
const note = (name: string): FieldDef => ({ name, type: 'Note' });
const num = (name: string, opts: { indexed?: boolean; unique?: boolean } = {}): FieldDef => ({ name, type: 'Number', ...opts });

export const LISTS = {
  cases: {
    // its columns are the column contract the web part reads too (packages/contract/src/sharepoint.ts)
    title: CASES_LIST.title,
    description: 'Signaalpunt: casussen (kader op procesniveau en anonieme zorg).',
    itemPermissions: true,
    listReaders: [],
    fields: CASES_LIST.columns,
  },
  frames: {
    title: 'SJVCaseFrames',
    description: 'Signaalpunt: kader van een casus met actoren (wie inbracht, wie besloot).',
    itemPermissions: true,
    listReaders: [],
    fields: [text('CaseId', { indexed: true, unique: true }), text('InbrengerUser', { indexed: true }), note('FrameJson'), text('TxId')],
  },
  persons: {
    title: 'SJVPersons',
    description: 'Signaalpunt: identiteit en contactgegevens. Alleen de server-app heeft toegang; elke inzage loopt via de API en wordt gelogd.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('CaseId', { indexed: true, unique: true }), note('IdentityJson'), note('ContactJson')],
  },
  enrichment: {
    title: 'SJVEnrichment',
    description: 'Signaalpunt: verrijking, één item per casus en partnerorganisatie.',
    itemPermissions: true,
    listReaders: [],
    fields: [text('CaseId', { indexed: true }), text('OrganisationId', { indexed: true }), num('Seq'), text('RequestStatus'), text('DueOn', { indexed: true }), note('RequestJson')],
  },
  discussion: {
    title: 'SJVDiscussion',
    description: 'Signaalpunt: bespreking, opvolging en reflectie.',
    itemPermissions: true,
    listReaders: [],
    fields: [text('CaseId', { indexed: true, unique: true }), note('DiscussionJson'), note('FollowUpJson'), note('ReflectionJson')],
  },
  relations: {
    title: 'SJVRelations',
    description: 'Signaalpunt: welke organisaties bij een casus zijn gevraagd of betrokken (voor zichtbaarheid).',
    itemPermissions: false,
    listReaders: [],
    fields: [text('CaseId', { indexed: true }), text('OrganisationId', { indexed: true }), text('Relation')],
  },
  meetings: {
    title: 'SJVMeetings',
    description: 'Signaalpunt: signaaltafels (datum en agenda met referenties).',
    itemPermissions: false,
    listReaders: ['procesregisseur', 'voorzitter'],
    fields: [
      text('MeetingId', { indexed: true, unique: true }),
      text('TeamsMeetingId', { indexed: true, unique: true }),
      num('Version'),
      text('MeetingStatus'),
      text('ScheduledOn', { indexed: true }),
      note('Json'),
    ],
  },
  audit: {
    title: 'SJVAudit',
    description: 'Signaalpunt: auditlog (alleen toevoegen, hash-keten). Geschreven door de server.',
    itemPermissions: false,
    listReaders: ['privacyOfficer'],
    fields: [
      num('Seq', { indexed: true, unique: true }),
      text('At'),
      text('ActorId'),
      text('Role'),
      text('CaseId', { indexed: true }),
      text('Reference'),
      text('Phase'),
      text('Action'),
      text('Groups'),
      note('Purpose'),
      text('CommandId'),
      text('PrevHash'),
      text('Hash'),
      // `<transaction id>:<entry index>` of a journalled transaction (not hashed): replay finds its rows by it.
      text('TxKey', { indexed: true }),
    ],
  },
  auditCheckpoints: {
    title: 'SJVAuditCheckpoints',
    description: 'Signaalpunt: ankers van de auditlog (volgnummer en hash van de laatste regel), apart van de auditlog. Alleen toevoegen: de FG-groep en de verificatie van de server.',
    itemPermissions: false,
    listReaders: [],
    listContributors: ['privacyOfficer'],
    ownItemsOnly: true,
    fields: [num('Seq', { indexed: true }), text('Hash'), text('At'), text('Reason')],
  },
  deletions: {
    title: 'SJVDeletions',
    description: 'Signaalpunt: verwijderverslagen (referentie, datum, reden, wie; geen inhoud).',
    itemPermissions: false,
    listReaders: ['procesregisseur', 'privacyOfficer'],
    fields: [text('CaseId', { indexed: true, unique: true }), text('Reference'), text('At', { indexed: true }), text('Reason'), text('ByWhom'), text('Destroyed'), text('RetentionUntil')],
  },
  commands: {
    title: 'SJVCommands',
    description: 'Signaalpunt: idempotentie van opdrachten.',
    itemPermissions: false,
    listReaders: [],
    // CaseId indexed: the retention purge forgets a case's records (their fingerprints hash the inputs).
    fields: [text('CommandId', { indexed: true, unique: true }), text('Name'), text('ActorId'), text('Fingerprint'), text('CaseId', { indexed: true }), note('ResultJson'), text('At')],
  },
  journal: {
    title: 'SJVJournal',
    description: 'Signaalpunt: write-ahead journal van transacties (tijdelijk; bevat persoonsgegevens zolang een transactie loopt). Alleen de server-app heeft toegang.',
    itemPermissions: false,
    listReaders: [],
    // one item per transaction in flight (journal.ts): deleted as soon as the transaction is applied.
    fields: [
      text('TxId', { indexed: true, unique: true }),
      text('CaseId', { indexed: true }),
      text('Holder'),
      text('CreatedAt'),
      text('ClaimedUntil', { indexed: true }),
      ...JOURNAL_PAYLOAD_FIELDS.map(note),
    ],
  },
  counters: {
    title: 'SJVCounters',
    description: 'Signaalpunt: referentienummers per jaar.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('Year', { indexed: true, unique: true }), num('Last')],
  },
  leases: {
    title: 'SJVLeases',
    description: 'Signaalpunt: leases van geplande taken (één uitvoering over meerdere serverinstanties).',
    itemPermissions: false,
    listReaders: [],
    fields: [text('LeaseName', { indexed: true, unique: true }), text('Holder'), text('AcquiredAt'), text('ExpiresAt')],
  },
  botOutbox: {
    title: 'SJVBotOutbox',
    description: 'Signaalpunt: wachtrij van proactieve botberichten (codes en ids, geen persoonsgegevens), geclaimd met leases.',
    itemPermissions: false,
    listReaders: [],
    fields: [
      text('OutboxId', { indexed: true, unique: true }),
      text('DedupeKey', { indexed: true, unique: true }),
      text('Kind'),
      text('RecipientUserId', { indexed: true }),
      text('CaseId'),
      text('Reference'),
      note('PayloadJson'),
      text('OutboxStatus', { indexed: true }),
      num('Attempts', { indexed: true }),
      text('NextAttemptAt', { indexed: true }),
      text('LeaseOwner'),
      text('LeaseUntil'),
      text('LastError'),
      text('CreatedAt', { indexed: true }),
      text('DoneAt'),
    ],
  },
  residentAccess: {
    title: 'SJVResidentAccess',
    description: 'Signaalpunt: toegangscodes van inwoners voor hun statuspagina — alleen een gesleutelde hash per kenmerk, nooit de code.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('Reference', { indexed: true, unique: true }), text('CaseId'), text('CodeHash'), text('IssuedAt'), text('IssuedBy'), text('Origin'), text('RevokedAt'), text('RevokedBy')],
  },
  residentState: {
    title: 'SJVResidentState',
    description: 'Signaalpunt: pogingen, blokkades en verzoeken van de statuspagina van inwoners (geen persoonsgegevens).',
    itemPermissions: false,
    listReaders: [],
    fields: [text('StateKey', { indexed: true, unique: true }), text('Kind', { indexed: true }), note('Json')],
  },
  botConversations: {
    title: 'SJVBotConversations',
    description: 'Signaalpunt: conversatiereferenties van de bot (persoonlijke chat per gebruiker).',
    itemPermissions: false,
    listReaders: [],
    fields: [text('UserId', { indexed: true, unique: true }), text('ChannelUserId'), text('Locale'), note('ReferenceJson'), text('UpdatedAt')],
  },
  botCursors: {
    title: 'SJVBotCursors',
    description: 'Signaalpunt: cursors van de bot over het auditlog.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('CursorName', { indexed: true, unique: true }), num('Position')],
  },
  organisations: {
    title: 'SJVOrganisations',
    description: 'Signaalpunt: partnerorganisaties en hun aansluiting bij het privacyprotocol.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('OrganisationId', { indexed: true, unique: true }), note('Json')],
  },
  users: {
    title: 'SJVUsers',
    description: 'Signaalpunt: gebruikers en hun rollen.',
    itemPermissions: false,
    listReaders: [],
    fields: [text('UserId', { indexed: true, unique: true }), text('AadObjectId', { indexed: true }), note('Json')],
  },
  referenceData: {
    title: 'SJVReferenceData',
    description: 'Signaalpunt: versies van de referentiegegevens (catalogus, sociale kaart, deelnemers protocol); alleen toevoegen.',
    itemPermissions: false,
    listReaders: [],
    // the version number is unique: two instances adding the same version get 409, the second one a conflict.
    // TxId: the journalled transaction that added the version (ADR 0007): its replay finds its commit point by it.
    fields: [num('Version', { indexed: true, unique: true }), text('ValidFrom'), note('Json'), text('TxId')],
  },
} as const satisfies Record<string, ListDef>;

export type ListKey = keyof typeof LISTS;

/** SharePoint's largest page and the list view threshold. */
export const MAX_PAGE = 5000;
