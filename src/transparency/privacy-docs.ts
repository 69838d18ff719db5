/**
 * The processing register (AVG art. 30) and the DPIA annex, generated from THE policy table (who sees and
 * writes which data group in which phase) and the retention configuration the code enforces, so that the
 * documentation cannot drift from the behaviour. Only the descriptive texts (what a group contains, the
 * purpose of a phase, the security measures) are written here, as data.
 */
import { ROLE_LABELS as ROLE_WORDS } from '../core/vocabulary';
import { createHash } from 'node:crypto';
import type { DataGroup, Phase, Role } from '../core/model';
import { DATA_GROUPS, DERIVED_VALUE_GROUP, PERSONAL_GROUPS, PHASES, ROLES } from '../core/model';
import type { Cell, PolicyTable } from '../core/policy';
import { cellFor, policyRows } from '../core/policy';
import type { RetentionConfig } from '../core/retention';
import type { Block, DocModel } from './document';
import { formatDays, formatMonths } from './format';
import { CONDITION_LABELS, GROUP_LABELS, PHASE_LABELS, PROJECTION_LABELS, ROLE_LABELS } from './labels';
import type { OrganisationProfile } from './profile';

/** What each data group contains and whether it is personal data (descriptive; the access comes from the table). */
export const GROUP_CONTENTS: Record<DataGroup, { contents: string; nature: string }> = {
  A: {
    contents: 'Kenmerk (SJV-jaar-nummer), fase, data, organisatie van de inbrenger, besluiten met motivering, AVE-niveau, datum informeren inwoner.',
    nature: 'Procesgegevens; samen met C herleidbaar tot de inwoner. Bevat de gebruikers-id van professionals (inbrenger, besluitnemers).',
  },
  B: {
    contents: 'Leeftijd of leeftijdsgroep, risicosignalen, beschermende factoren, vermoede vormen van ondermijning, registratieband (0/1/2/>2/onbekend), urgentie, korte vrije tekst (bewaakt op identificerende gegevens).',
    nature: 'Anoniem zolang C niet bestaat. Vermoedens van betrokkenheid bij criminaliteit (gegevens van strafrechtelijke aard, art. 10 AVG); middelengebruik kan een gezondheidsgegeven zijn (art. 9 AVG).',
  },
  C: { contents: 'Naam en geboortedatum van de inwoner.', nature: 'Direct identificerend.' },
  D: {
    contents: 'Per gevraagde partner: bekend / niet bekend, waargenomen risicosignalen (codes), datum antwoord, wie antwoordde.',
    nature: 'Signalen van strafrechtelijke aard (art. 10 AVG) in combinatie met C.',
  },
  E: {
    contents: 'Leefgebieden (zorgelijk / niet / onbekend), betrokken partijen, gedane of lopende interventies, opvolgopties, regiehouder, korte notities.',
    nature: 'Kan gezondheids- en gezinsinformatie op procesniveau bevatten (art. 9 AVG).',
  },
  F: { contents: 'Adres, telefoon, e-mail van de inwoner of van een ouder/verzorger.', nature: 'Direct identificerend; ook van ouders/verzorgers.' },
  G: { contents: 'Afgesproken acties (wat, welke organisatie, wanneer, status), standpunt van de inwoner op procesniveau.', nature: 'Procesniveau; niet de inhoud van de hulp.' },
  H: { contents: 'Uitkomsten van acties, reden van afsluiting, teruggekoppeld op, verstuurde brieven (soort, datum, afzender — niet de inhoud), bewaardatum (afgeleid uit de geboortedatum: zie Afgeleide waarden).', nature: 'Procesgegevens.' },
};

/** The purpose of each phase, from the process description (PROCESS.md). */
export const PHASE_PURPOSES: Record<Phase, string> = {
  INBRENG: 'Een zorg anoniem inbrengen en wegen: is er een redelijk vermoeden van jeugdondermijning? Er worden geen persoonsgegevens verwerkt.',
  VERRIJKING: 'Nagaan of de zaak bij het signaalpunt hoort (leeftijd ≤ 23, 0–2 registraties) en of andere partners de signalen herkennen. De inwoner wordt geïnformeerd.',
  BESPREKING: 'Met de betrokken partners de zorgelijke leefgebieden, betrokken partijen, interventies, opvolgopties en een regiehouder vaststellen.',
  OPVOLGING: 'De bevindingen met de inwoner bespreken (signaaloverleg); afspraken over opvolging op procesniveau vastleggen. Regie bij de inwoner.',
  REFLECTIE: 'Terugkoppeling op procesniveau aan inbrenger en partners; afsluiten wanneer de opvolging heeft plaatsgevonden; inwoner informeren over afsluiting en bewaartermijn.',
  CLOSED: 'Archief tot het einde van de bewaartermijn: alleen de procesregisseur (en de FG via de auditlog) kan de gegevens nog bereiken, bijvoorbeeld voor een inzageverzoek.',
  PURGED: 'Na vernietiging resteren alleen codes, data en besluiten als anonieme statistiek, en een vernietigingsregistratie zonder inhoud.',
};

/** Technical and organisational measures; the first ones are enforced by the code this document is generated from. */
export const SECURITY_MEASURES: readonly string[] = [
  'Toegang per fase, gegevensgroep en rol volgens de policy-tabel hieronder; elke weergave wordt opgebouwd door toegestane velden te kopiëren (allow-list), nooit door velden weg te laten.',
  'Een organisatie die niet (meer) is aangesloten bij het privacyprotocol krijgt geen verzoeken en geen gegevens.',
  'Een partner ziet naam en geboortedatum alleen zolang zijn verrijkingsvraag openstaat; verlopen vragen sluiten automatisch.',
  'Anonieme inbreng: vrije tekst wordt vóór opslag gecontroleerd op identificerende gegevens (namen, BSN, geboortedata, adressen, telefoonnummers, e-mail, IBAN, kentekens, accounts op sociale media) en geweigerd als die erin staan.',
  'Auditlog van elke aanmaak, inzage, wijziging, export en vernietiging van groepen C–G met actor, rol, zaak, fase en doel; alleen toevoegen, met een hashketen die wijziging of verwijdering aantoonbaar maakt. Bij elke controle en minstens dagelijks wordt het laatste volgnummer met zijn hash als ankerpunt vastgelegd buiten de auditlog (een aparte lijst waar alleen de FG-groep en de controle van de server aan toevoegen), zodat ook het weghalen van de nieuwste regels opvalt.',
  'Automatische vernietiging na de bewaartermijn (zie hieronder), met een vernietigingsregistratie zonder inhoud; een bewaartermijnrapportage voor de FG.',
  'De inhoud van brieven aan de inwoner wordt niet bewaard; alleen soort, datum en afzender.',
  'Evaluatie alleen met geaggregeerde, anonieme cijfers; aantallen onder 5 worden getoond als "<5".',
  'Aanmelding via het organisatie-account (Microsoft Entra ID); rollen via groepslidmaatschap; transport versleuteld (TLS).',
  'Opslag in SharePoint-lijsten op een afgeschermde site, gescheiden naar gevoeligheid, met rechten per item afgeleid van de policy-tabel (bij twijfel: geen toegang). Een schrijfjournaal dat alleen de server kan lezen, zorgt dat een onderbroken wijziging wordt afgemaakt of ongedaan gemaakt; een journaalregel wordt direct na verwerking verwijderd.',
  'Gedeelde schermen in vergaderingen tonen alleen groep A en B, nooit identiteit (C) of contactgegevens (F).',
];

// The core's role words (src/core/vocabulary.ts); the register's matrix abbreviates the privacy officer and
// names the resident as the AVG does (the data subject is an "inwoner").
const ROLE_SHORT: Record<Role, string> = {
  ...(Object.fromEntries(Object.entries(ROLE_WORDS).map(([role, l]) => [role, l['nl-NL']])) as Record<Role, string>),
  privacyOfficer: 'FG',
  resident: 'Inwoner',
};

const rolesIn = (table: PolicyTable, group: DataGroup, phase: Phase): { role: Role; cell: Cell }[] =>
  ROLES.flatMap((role) => {
    const cell = cellFor(table, phase, group, role);
    return cell ? [{ role, cell }] : [];
  });

/** "lezen" / "schrijven", with the projection and condition of the cell in brackets. */
export function describeCell(cell: Cell): string {
  const qualifiers: string[] = [];
  if (cell.projection && cell.projection !== 'full') qualifiers.push(PROJECTION_LABELS[cell.projection].nl);
  if (cell.when) qualifiers.push(CONDITION_LABELS[cell.when].nl);
  return `${cell.access === 'write' ? 'schrijven' : 'lezen'}${qualifiers.length ? ` (${qualifiers.join('; ')})` : ''}`;
}

/** Short matrix code of a cell: L (lezen) / S (schrijven), with markers for conditions and projections. */
export function cellCode(cell: Cell | undefined): string {
  if (!cell) return '—';
  let code = cell.access === 'write' ? 'S' : 'L';
  if (cell.projection && cell.projection !== 'full') code += { ownAnswer: 'ᵉ', statusOnly: 'ˢ', process: 'ᵖ', resident: 'ʳ' }[cell.projection];
  if (cell.when) code += { enrichmentOpen: '°', enrichmentAsked: '*' }[cell.when];
  return code;
}

/** The first phase in which any role may write the group: when the data starts to exist. */
export function firstWritten(table: PolicyTable, group: DataGroup): Phase | undefined {
  return PHASES.find((p) => ROLES.some((r) => cellFor(table, p, group, r)?.access === 'write'));
}

/** Per role: the phases in which it has access to the group, grouped by identical cells. */
export function recipientsOf(table: PolicyTable, group: DataGroup): string[] {
  const out: string[] = [];
  for (const role of ROLES) {
    const byDescription = new Map<string, Phase[]>();
    for (const phase of PHASES) {
      const cell = cellFor(table, phase, group, role);
      if (!cell) continue;
      const d = describeCell(cell);
      byDescription.set(d, [...(byDescription.get(d) ?? []), phase]);
    }
    if (byDescription.size === 0) continue;
    const parts = [...byDescription.entries()].map(([d, ps]) => `${ps.map((p) => PHASE_LABELS[p].nl).join(', ')}: ${d}`);
    out.push(`**${ROLE_LABELS[role].nl}** — ${parts.join(' · ')}`);
  }
  return out;
}

/** Roles that the table gives no access to any group in any phase. */
export function rolesWithoutAccess(table: PolicyTable): Role[] {
  return ROLES.filter((role) => DATA_GROUPS.every((g) => PHASES.every((p) => !cellFor(table, p, g, role))));
}

export function retentionLines(r: RetentionConfig): string[][] {
  return [
    ['Afgesloten in Inbreng', `Er zijn nooit persoonsgegevens opgeslagen; vrije tekst wordt ${formatDays(r.closedInInbrengDays, 'nl')} na afsluiting verwijderd.`],
    ['Afgesloten in Verrijking (niet passend, niet bevestigd, ingetrokken)', `Naam, geboortedatum en alle vrije tekst worden ${formatDays(r.closedInVerrijkingDays, 'nl')} na afsluiting vernietigd.`],
    [
      'Afgesloten vanaf Bespreking (na Reflectie of ingetrokken)',
      `Identiteit, contactgegevens en alle vrije tekst worden ${formatMonths(r.closedAfterBesprekingMonths, 'nl')} na afsluiting vernietigd, en nooit later dan ${r.maxYearsAfter23rdBirthday === 1 ? '1 jaar' : `${r.maxYearsAfter23rdBirthday} jaar`} na de 23e verjaardag van de inwoner.`,
    ],
    ['Na vernietiging', 'Codes, data en besluiten blijven als anonieme statistiek; een vernietigingsregistratie (kenmerk, datum van vernietiging, reden, door wie/wat — geen inhoud en geen bewaardatum) blijft bestaan.'],
  ];
}

/**
 * The derived values and the group each belongs to (model.ts DERIVED_VALUE_GROUP), as a sentence per
 * value: a value computed from a group's data is that group's data, shown only to its readers.
 */
const DERIVED_VALUE_TEXT: Record<keyof typeof DERIVED_VALUE_GROUP, string> = {
  retentionUntil:
    'De bewaardatum (het minimum van de afsluiting plus de termijn en de 23e verjaardag plus de marge) wordt berekend uit de geboortedatum en kan dus zelf een verjaardag zijn',
  retentionAtLatest: 'De uiterste bewaardatum (afsluiting plus de termijn, zonder geboortedatum) wordt alleen uit het kader berekend',
};
export function derivedValueLines(): string[] {
  return (Object.keys(DERIVED_VALUE_GROUP) as (keyof typeof DERIVED_VALUE_GROUP)[]).map(
    (k) => `${DERIVED_VALUE_TEXT[k]}: dat is groep ${GROUP_LABELS[DERIVED_VALUE_GROUP[k]].nl}, en alleen wie die groep mag lezen ziet hem.`,
  );
}
const RETENTION_DATE_RULE =
  'Wie de identiteit (C) niet mag lezen — de inbrenger en partners na afsluiting, het gedeelde vergaderscherm, de FG in de bewaartermijnrapportage — ziet alleen de uiterste bewaardatum, niet de bewaardatum zelf; ook niet de maand ervan, want die is bij de leeftijdsgrens de geboortemaand. Na vernietiging bewaren de zaak en de vernietigingsregistratie geen bewaardatum meer: alleen de dag van vernietiging, de reden en of die op tijd was.';

/** A fingerprint of the table, retention and derived-value groups the documents were generated from. */
export function sourceFingerprint(table: PolicyTable, retention: RetentionConfig): string {
  return createHash('sha256').update(JSON.stringify({ rows: policyRows(table), retention, derived: DERIVED_VALUE_GROUP })).digest('hex').slice(0, 16);
}

export interface PrivacyDocInputs {
  policy: PolicyTable;
  retention: RetentionConfig;
  profile: OrganisationProfile;
}

const SOURCE_NOTE = (i: PrivacyDocInputs): string =>
  `Gegenereerd uit de policy-tabel (src/core/policy.ts) en de bewaartermijnconfiguratie die de software afdwingt — niet met de hand bewerken; draai \`npm run docs:privacy\`. Bronvingerafdruk: \`${sourceFingerprint(i.policy, i.retention)}\`.`;

function matrixBlocks(table: PolicyTable): Block[] {
  const rows: string[][] = [];
  for (const group of DATA_GROUPS) {
    for (const role of ROLES) {
      const cells = PHASES.map((p) => cellFor(table, p, group, role));
      if (cells.every((c) => !c)) continue;
      rows.push([GROUP_LABELS[group].nl, ROLE_LABELS[role].nl, ...cells.map(cellCode)]);
    }
  }
  return [
    { kind: 'table', head: ['Groep', 'Rol', ...PHASES.map((p) => PHASE_LABELS[p].nl)], rows },
    {
      kind: 'paragraph',
      text: 'Legenda: L = lezen, S = schrijven, — = geen toegang; ᵖ = op procesniveau (zonder wie de zorg inbracht), ᵉ = alleen het eigen antwoord, ˢ = alleen status op procesniveau, ʳ = alleen fase, data van de stappen en bewaardatum (statuspagina van de inwoner); * = alleen als de eigen organisatie om verrijking is gevraagd, ° = alleen zolang die vraag openstaat.',
    },
  ];
}

/** The processing register entry (AVG art. 30 lid 1) for the signaalpunt. */
export function registerDocument(i: PrivacyDocInputs): DocModel {
  const p = i.profile;
  const blocks: Block[] = [
    { kind: 'title', text: 'Verwerkingsregister (AVG artikel 30) — Signaalpunt Jeugd & Veiligheid' },
    { kind: 'paragraph', text: SOURCE_NOTE(i) },
    { kind: 'heading', level: 1, text: 'a. Verwerkingsverantwoordelijke en functionaris gegevensbescherming' },
    {
      kind: 'table',
      head: ['Onderdeel', 'Gegevens'],
      rows: [
        ['Verwerkingsverantwoordelijke', `${p.name} (${p.unit})`],
        ['Postadres', p.postalAddress.join(', ')],
        ['Contact', `${p.phone} · ${p.email}${p.website ? ` · ${p.website}` : ''}`],
        ['Functionaris gegevensbescherming', [p.privacyOfficer.name, p.privacyOfficer.email, p.privacyOfficer.phone].filter(Boolean).join(' · ')],
        ['Verwerkers', p.processors.length ? p.processors.map((x) => `${x.name}: ${x.service}`).join('\n') : 'Geen'],
      ],
    },
    { kind: 'heading', level: 1, text: 'b. Doeleinden en grondslag' },
    {
      kind: 'paragraph',
      text: 'Vroeg signaleren dat een jongere (tot en met 23 jaar) betrokken raakt bij ondermijnende jeugdcriminaliteit, de zorgen van ketenpartners samen wegen, en de jongere op tijd via een reguliere route naar passende hulp leiden — met zo min mogelijk gegevens, zo laat mogelijk, zo kort mogelijk en open naar de jongere.',
    },
    { kind: 'table', head: ['Fase', 'Doel van de verwerking in deze fase'], rows: PHASES.map((ph) => [PHASE_LABELS[ph].nl, PHASE_PURPOSES[ph]]) },
    { kind: 'paragraph', text: `Grondslag: ${p.legalBasis.nl}` },
    { kind: 'heading', level: 1, text: 'c. Categorieën van betrokkenen en van persoonsgegevens' },
    {
      kind: 'bullets',
      items: [
        'Jongeren tot en met 23 jaar over wie een ketenpartner zich zorgen maakt (de inwoner).',
        'Ouders of verzorgers van de inwoner (alleen contactgegevens, groep F).',
        'Professionals van ketenpartners en de gemeente (gebruikers-id in besluiten en auditlog).',
      ],
    },
    {
      kind: 'table',
      head: ['Groep', 'Inhoud', 'Aard', 'Bestaat vanaf (eerste fase met schrijfrecht)'],
      rows: DATA_GROUPS.map((g) => [GROUP_LABELS[g].nl, GROUP_CONTENTS[g].contents, GROUP_CONTENTS[g].nature, PHASE_LABELS[firstWritten(i.policy, g) ?? 'INBRENG'].nl]),
    },
    { kind: 'heading', level: 1, text: 'd. Categorieën van ontvangers' },
    { kind: 'paragraph', text: 'Per gegevensgroep de rollen met toegang, in welke fasen, en onder welke voorwaarde (uit de policy-tabel):' },
    ...DATA_GROUPS.flatMap((g): Block[] => [
      { kind: 'heading', level: 2, text: GROUP_LABELS[g].nl },
      { kind: 'bullets', items: recipientsOf(i.policy, g) },
    ]),
    { kind: 'paragraph', text: `Rollen zonder toegang tot zaakgegevens: ${rolesWithoutAccess(i.policy).map((r) => ROLE_LABELS[r].nl).join(', ') || 'geen'}. De functionaris gegevensbescherming ziet de auditlog, dit register en de bewaartermijnrapportage, en de anonieme evaluatiecijfers.` },
    { kind: 'heading', level: 1, text: 'e. Doorgifte naar derde landen' },
    { kind: 'paragraph', text: p.thirdCountryTransfers.length ? p.thirdCountryTransfers.join('; ') : 'Geen doorgifte buiten de Europese Economische Ruimte.' },
    { kind: 'heading', level: 1, text: 'f. Bewaartermijnen' },
    { kind: 'table', head: ['Hoe de zaak eindigde', 'Wat wanneer wordt vernietigd'], rows: retentionLines(i.retention) },
    { kind: 'heading', level: 2, text: 'Afgeleide waarden' },
    { kind: 'bullets', items: derivedValueLines() },
    { kind: 'paragraph', text: RETENTION_DATE_RULE },
    { kind: 'heading', level: 1, text: 'g. Technische en organisatorische beveiligingsmaatregelen' },
    { kind: 'bullets', items: [...SECURITY_MEASURES] },
    ...residentPageBlocks(i.policy),
    { kind: 'heading', level: 1, text: 'Bijlage: toegang per fase (policy-tabel)' },
    ...matrixBlocks(i.policy),
  ];
  return { title: 'Verwerkingsregister Signaalpunt Jeugd & Veiligheid', blocks };
}

/**
 * The resident's status page (issue 19, resident/, ADR 0011): purpose, the data shown — from the
 * resident's cells of the policy table — and the safeguards.
 */
export function residentPageBlocks(table: PolicyTable): Block[] {
  const shown = DATA_GROUPS.flatMap((g) => {
    const phases = PHASES.filter((p) => cellFor(table, p, g, 'resident'));
    return phases.length ? [`${GROUP_LABELS[g].nl}: ${RESIDENT_SHOWN[g] ?? describeCell(cellFor(table, phases[0]!, g, 'resident')!)} — in ${phases.map((p) => PHASE_LABELS[p].nl).join(', ')}`] : [];
  });
  return [
    { kind: 'heading', level: 1, text: 'Statuspagina voor de inwoner' },
    {
      kind: 'paragraph',
      text: 'Doel: openheid naar de jongere. De inwoner ziet op een eigen webpagina, met het kenmerk en de toegangscode uit de laatste brief, hoe het met de zaak staat, welke organisaties gegevens kregen en op welke dag, wanneer de gegevens worden vernietigd, welke rechten er zijn en hoe die te gebruiken; de inwoner kan er een volledig inzageoverzicht aanvragen of bezwaar maken (het verzoek komt bij de procesregisseur, met een termijn van een maand).',
    },
    { kind: 'paragraph', text: 'Getoonde gegevens (uit de policy-tabel, rol Inwoner):' },
    { kind: 'bullets', items: [...shown, 'Ontvangers: organisatie en eerste dag, uit de auditlog (dezelfde ontvangers als het inzageoverzicht), zonder personen en zonder de organisatie die de zorg inbracht.', 'Nooit: naam, geboortedatum, signalen, vrije tekst, besluiten of toelichtingen.'] },
    { kind: 'paragraph', text: 'Waarborgen:' },
    { kind: 'bullets', items: [...RESIDENT_PAGE_SAFEGUARDS] },
  ];
}

const RESIDENT_SHOWN: Partial<Record<DataGroup, string>> = {
  A: 'kenmerk, fase op procesniveau, data van de stappen, datum van afsluiting en uiterste bewaardatum; na vernietiging alleen de datum van vernietiging',
  C: 'alleen de eigen bewaardatum (afgeleid van de geboortedatum)',
};

const RESIDENT_PAGE_SAFEGUARDS = [
  'Een aparte server en webadres, los van de API; geen Teams, geen Entra-account nodig.',
  'Toegangscode van 80 bits (16 tekens zonder I, L, O, U), elke brief een nieuwe; alleen een HMAC-SHA-256 met een servergeheim wordt bewaard; de procesregisseur kan de code intrekken en opnieuw uitgeven (gelogd).',
  'Hetzelfde antwoord en hetzelfde rekenwerk voor een onbekend kenmerk en een verkeerde code.',
  'Pogingen begrensd per adres (blokkade), per kenmerk en adres (blokkade) en per kenmerk (groeiende wachttijd, nooit een blokkade zodat de inwoner zelf erin blijft kunnen); blokkades staan in de auditlog en zijn zichtbaar voor de procesregisseur.',
  'Sessie van hoogstens 15 minuten in een ondertekende cookie (HttpOnly, Secure, SameSite=Strict); een ingetrokken code beëindigt de sessie.',
  'Strikte Content-Security-Policy: geen scripts, geen bronnen van derden; elke weergave van de eigen bewaardatum staat in de auditlog.',
  'Na vernietiging werkt de code niet meer voor de zaak: de pagina meldt alleen de datum van vernietiging.',
];

function retentionFor(phase: Phase, r: RetentionConfig): string {
  const lines = retentionLines(r);
  switch (phase) {
    case 'INBRENG':
      return lines[0]![1]!;
    case 'VERRIJKING':
      return `${lines[1]![1]} Loopt de zaak door: zie Bespreking.`;
    case 'PURGED':
      return lines[3]![1]!;
    default:
      return lines[2]![1]!;
  }
}

/** Measures that apply to a phase, derived from what the table permits in it. */
function measuresFor(table: PolicyTable, phase: Phase): string[] {
  const m: string[] = [];
  const anyPersonal = PERSONAL_GROUPS.some((g) => rolesIn(table, g, phase).length > 0);
  if (!anyPersonal) m.push('Geen persoonsgegevens toegankelijk in deze fase.');
  if (phase === 'INBRENG') m.push('Controle van vrije tekst op identificerende gegevens vóór opslag.');
  if (ROLES.some((r) => cellFor(table, phase, 'C', r)?.when === 'enrichmentOpen')) m.push('Identiteit voor partners alleen zolang hun verrijkingsvraag openstaat; automatische afsluiting na de termijn.');
  if (anyPersonal) m.push('Elke inzage, wijziging en export van C–G in de auditlog (hashketen).');
  if (phase === 'BESPREKING') m.push('Gedeeld vergaderscherm toont alleen A en B, per kijker en volgens de fase van dat moment; notulen per lezer volgens diens toegang.');
  if (phase === 'CLOSED') m.push('Automatische vernietiging op de bewaardatum; vernietigingsregistratie zonder inhoud.');
  m.push('Toegang volgens de policy-tabel; weergaven per allow-list.');
  return m;
}

/** The DPIA annex: per phase the data, purpose, recipients, retention and security measures. */
export function dpiaAnnexDocument(i: PrivacyDocInputs): DocModel {
  const rows = PHASES.map((phase) => {
    const groups = DATA_GROUPS.filter((g) => rolesIn(i.policy, g, phase).length > 0);
    const data = groups.map((g) => `${GROUP_LABELS[g].nl}${PERSONAL_GROUPS.includes(g) ? ' (persoonsgegevens)' : ''}`).join('\n');
    const recipients = groups.map((g) => `${GROUP_LABELS[g].nl} — ${rolesIn(i.policy, g, phase).map(({ role, cell }) => `${ROLE_SHORT[role]}: ${describeCell(cell)}`).join('; ')}`).join('\n');
    return [PHASE_LABELS[phase].nl, data || '—', PHASE_PURPOSES[phase], recipients || '—', retentionFor(phase, i.retention), measuresFor(i.policy, phase).join('\n')];
  });
  const blocks: Block[] = [
    { kind: 'title', text: 'DPIA-bijlage — gegevensverwerking per fase, Signaalpunt Jeugd & Veiligheid' },
    { kind: 'paragraph', text: SOURCE_NOTE(i) },
    { kind: 'paragraph', text: `Verwerkingsverantwoordelijke: ${i.profile.name} (${i.profile.unit}). Grondslag: ${i.profile.legalBasis.nl}` },
    { kind: 'heading', level: 1, text: 'Per fase: gegevens, doel, ontvangers, bewaartermijn, maatregelen' },
    { kind: 'table', head: ['Fase', 'Gegevens', 'Doel', 'Ontvangers (rol en toegang)', 'Bewaartermijn', 'Beveiligingsmaatregelen'], rows },
    { kind: 'heading', level: 1, text: 'Inhoud van de gegevensgroepen' },
    { kind: 'table', head: ['Groep', 'Inhoud', 'Aard'], rows: DATA_GROUPS.map((g) => [GROUP_LABELS[g].nl, GROUP_CONTENTS[g].contents, GROUP_CONTENTS[g].nature]) },
    { kind: 'heading', level: 1, text: 'Bewaartermijnen' },
    { kind: 'table', head: ['Hoe de zaak eindigde', 'Wat wanneer wordt vernietigd'], rows: retentionLines(i.retention) },
    { kind: 'heading', level: 2, text: 'Afgeleide waarden' },
    { kind: 'bullets', items: derivedValueLines() },
    { kind: 'paragraph', text: RETENTION_DATE_RULE },
    { kind: 'heading', level: 1, text: 'Toegangsmatrix (policy-tabel)' },
    ...matrixBlocks(i.policy),
    ...residentPageBlocks(i.policy),
    { kind: 'heading', level: 1, text: 'Algemene beveiligingsmaatregelen' },
    { kind: 'bullets', items: [...SECURITY_MEASURES] },
  ];
  return { title: 'DPIA-bijlage Signaalpunt Jeugd & Veiligheid', blocks };
}

export const PRIVACY_DOCS = { register: registerDocument, 'dpia-annex': dpiaAnnexDocument } as const;
export type PrivacyDocName = keyof typeof PRIVACY_DOCS;
