/**
 * The guard README: "Names that are also ordinary words (Roos, Mark, Bas, Storm, Jade, …) need context at the
 * start of a sentence (a verb such as "heeft", a surname, "(15)") …; names that are mostly something else
 * (Frans, Noor, Mercedes, Milan, Jordan, …) need a surname or a trigger." A name that stood only on those two
 * lists, not also on the list of first names, was never a name at all (found by m20's pure names tests).
 */
import { findIdentifiers } from '../../../src/core/guard';

const names = (text: string): string[] => findIdentifiers(text).filter((h) => h.category === 'PERSON_NAME').map((h) => text.slice(h.start, h.end));

test.each([
  ['Mercedes Jansen komt vaak.', ['Mercedes Jansen']],
  ['Ik sprak Mercedes de Vries gisteren.', ['Mercedes de Vries']],
  ['Hij heet Mercedes.', ['Mercedes']],
  ['Storm heeft vaak geld.', ['Storm']],
  ['Ik zag Storm bij de snackbar.', ['Storm']],
])('a name on the context lists is a name with its context: %s', (text, expected) => {
  expect(names(text)).toEqual(expected);
});

test.each([
  'Hij rijdt in een Mercedes.',
  'Een Mercedes Benz stond voor de deur.',
  'Mercedes is een automerk.',
  'De storm heeft veel schade gedaan.',
  'Er was storm.',
])('without that context it stays the ordinary word or the brand: %s', (text) => {
  expect(names(text)).toEqual([]);
});
