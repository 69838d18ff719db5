/**
 * What the side panel's first render takes from its URL (issue 15): the content URL the config page saves
 * carries Teams' placeholders for the user's locale and theme; Teams replaces them when it loads the tab
 * ("Use placeholders in your configuration or content URLs. Microsoft Teams replaces the placeholders with
 * the relevant values", https://learn.microsoft.com/microsoftteams/platform/concepts/tabs/tabs-context:
 * `{app.locale}` such as `en-us`, `{app.theme}` `default` | `dark` | `contrast`). The replacing below is
 * this test's stand-in for Teams, following that page.
 */
import { savedContentUrl, shellFromUrl } from '../../teams-app/src/host/url';

const page = 'https://signaalpunt.gemeente.nl/pages/index.html';
/** Teams loading the saved content URL for a user with this locale and theme. */
const asTeamsLoads = (saved: string, locale: string, theme: string): string => saved.replace('{app.locale}', locale).replace('{app.theme}', theme);
const searchOf = (url: string): string => new URL(url).search;

test('the saved content URL, as Teams loads it, gives the side panel the user’s locale and theme', () => {
  const saved = savedContentUrl(page);
  expect(saved.startsWith(`${page}?`)).toBe(true);
  expect(shellFromUrl(searchOf(asTeamsLoads(saved, 'en-us', 'dark')))).toEqual({ locale: 'en-US', theme: 'dark' });
  expect(shellFromUrl(searchOf(asTeamsLoads(saved, 'nl-nl', 'contrast')))).toEqual({ locale: 'nl-NL', theme: 'contrast' });
  expect(shellFromUrl(searchOf(asTeamsLoads(saved, 'fr-fr', 'default')))).toEqual({ locale: 'en-US', theme: 'default' });
});

test('without both values from Teams the URL gives nothing, and the page waits for Teams as before', () => {
  const saved = savedContentUrl(page);
  // placeholders Teams left as they were, a tab saved before (no parameters), one of the two, an unknown theme
  for (const search of [searchOf(saved), '', '?locale=en-us', '?theme=dark', '?locale=en-us&theme=purple', '?locale=&theme=dark']) {
    expect([search, shellFromUrl(search)]).toEqual([search, undefined]);
  }
});

test('the stage and the config page (their own views) never render the side panel’s shell', () => {
  expect(shellFromUrl('?view=stage&locale=en-us&theme=dark')).toBeUndefined();
  expect(shellFromUrl('?view=config&locale=en-us&theme=dark')).toBeUndefined();
});
