/**
 * The confirmation card after an accepted intake submit is built as plain JSON (issue 17: without the
 * template engine, for speed). It must stay exactly the card the template gave: the expected cards are
 * written out here, as the template `bot/cards/intake-confirmed.json` rendered them before the change.
 */
import { intakeConfirmedCard } from '../../../bot/app/routes/intake';
import { cardProblems } from '../card-check';

const actions = (mine: string, newConcern: string) => [
  { type: 'Action.Execute', title: mine, verb: 'mine.open', data: { card: 'open', v: 1 } },
  { type: 'Action.Execute', title: newConcern, verb: 'intake.open', data: { card: 'open', v: 1 } },
];

test('the nl-NL confirmation with a recognition line is the card the template rendered', () => {
  expect(intakeConfirmedCard('nl-NL', 'SJV-2026-0001', 'INBRENG', 'Ingebracht op 4 december 2026 · Geld')).toStrictEqual({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Signaalpunt Jeugd & Veiligheid', size: 'Small', isSubtle: true, wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: 'Signaal ontvangen', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        text: 'Uw zorg is anoniem geregistreerd onder kenmerk **SJV-2026-0001**. De signaaltafel weegt of er een redelijk vermoeden is; u hoort het hier.',
        wrap: true,
      },
      { type: 'TextBlock', text: 'Ingebracht op 4 december 2026 · Geld', wrap: true, isSubtle: true, spacing: 'Small' },
      {
        type: 'FactSet',
        facts: [
          { title: 'Kenmerk', value: 'SJV-2026-0001' },
          { title: 'Fase', value: 'Inbreng' },
        ],
      },
      { type: 'TextBlock', text: 'Er zijn geen persoonsgegevens vastgelegd.', wrap: true, isSubtle: true },
    ],
    actions: actions('Mijn signalen', 'Nieuw signaal'),
  });
});

test('the en-US confirmation without a recognition line has no empty text block and is the card the template rendered', () => {
  expect(intakeConfirmedCard('en-US', 'SJV-2026-0042', 'INBRENG')).toStrictEqual({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Signaalpunt Youth & Safety', size: 'Small', isSubtle: true, wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: 'Concern received', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        text: 'Your concern is registered anonymously as **SJV-2026-0042**. The signaaltafel weighs whether there is a reasonable suspicion; you will hear it here.',
        wrap: true,
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Reference', value: 'SJV-2026-0042' },
          { title: 'Phase', value: 'Intake' },
        ],
      },
      { type: 'TextBlock', text: 'No personal data was recorded.', wrap: true, isSubtle: true },
    ],
    actions: actions('My concerns', 'New concern'),
  });
});

test('a recognition line that looks like a template expression is shown as it is, and the card stays valid', () => {
  const card = intakeConfirmedCard('nl-NL', 'SJV-2026-0001', 'INBRENG', 'Geld, ${t.app.name}');
  expect((card.body as { text?: string }[])[3]!.text).toBe('Geld, ${t.app.name}');
  expect(cardProblems(intakeConfirmedCard('nl-NL', 'SJV-2026-0001', 'INBRENG', 'x'))).toEqual([]);
});
