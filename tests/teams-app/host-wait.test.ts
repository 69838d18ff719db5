/**
 * How long the tab waits for Teams (issue 14, item 7): a slow Teams client must not be given up on after
 * 2.5 s; only a page that is clearly not in Teams falls back quickly.
 */
import { NOT_TEAMS_WAIT_MS, TEAMS_WAIT_MS, isMicrosoftHost, teamsWaitMs } from '../../teams-app/src/host/wait';

const own = 'https://signaalpunt.gemeente.nl';

test('a top-level page is standalone at once', () => {
  expect(teamsWaitMs({ framed: false, hasOpener: false, ancestorOrigin: undefined, ownOrigin: own })).toBe(0);
});

test('framed by Teams, Microsoft 365 or SharePoint, the tab waits for Teams far longer than 2.5 s', () => {
  for (const ancestor of ['https://teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://outlook.office.com', 'https://contoso.sharepoint.com']) {
    expect([ancestor, teamsWaitMs({ framed: true, hasOpener: false, ancestorOrigin: ancestor, ownOrigin: own })]).toEqual([ancestor, 60_000]);
  }
  expect(TEAMS_WAIT_MS).toBeGreaterThanOrEqual(30_000);
});

test('where the browser does not name the parent (Teams desktop, Firefox), the tab waits for Teams', () => {
  expect(teamsWaitMs({ framed: true, hasOpener: false, ancestorOrigin: undefined, ownOrigin: own })).toBe(TEAMS_WAIT_MS);
  expect(teamsWaitMs({ framed: false, hasOpener: true, ancestorOrigin: undefined, ownOrigin: own })).toBe(TEAMS_WAIT_MS);
});

test('framed by a host that is clearly not Microsoft 365, the tab falls back after a short wait', () => {
  expect(teamsWaitMs({ framed: true, hasOpener: false, ancestorOrigin: 'https://example.org', ownOrigin: own })).toBe(NOT_TEAMS_WAIT_MS);
  // Teams never frames the tab from the tab's own server
  expect(teamsWaitMs({ framed: true, hasOpener: false, ancestorOrigin: own, ownOrigin: own })).toBe(NOT_TEAMS_WAIT_MS);
  // look-alikes are not Microsoft hosts
  for (const o of ['https://teams.microsoft.com.example.org', 'http://teams.microsoft.com', 'https://evilsharepoint.com', 'not a url']) expect([o, isMicrosoftHost(o)]).toEqual([o, false]);
});
