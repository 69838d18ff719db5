/** Renders a tab component with its environment (API, locale, strings), as App does. */
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { TabApi } from '../../../../teams-app/src/api';
import { EnvContext } from '../../../../teams-app/src/components/env';
import type { Locale } from '../../../../teams-app/src/i18n';
import { stringsFor } from '../../../../teams-app/src/i18n';
import { registerTabIcons } from '../../../../teams-app/src/icons';

registerTabIcons();

// ByRole queries skip the per-element visibility check (getComputedStyle on every node of Fluent's large
// DOM): several times faster, and the tab hides nothing these tests look for.
// findBy*/waitFor wait up to 10 s (not the default 1 s) for what they look for: the side panel's parts
// load on demand (import(), teams-app/src/components/parts.ts), and the first import of a part in a test
// file compiles its modules (Fluent's Dropdown, Panel…) — seconds on a loaded machine. A condition, not a timer.
configure({ defaultHidden: true, asyncUtilTimeout: 10_000 });

export function renderTab(ui: ReactElement, api: TabApi, locale: Locale = 'nl-NL'): RenderResult {
  return render(<EnvContext.Provider value={{ api, locale, t: stringsFor(locale) }}>{ui}</EnvContext.Provider>);
}

export const nl = stringsFor('nl-NL');
export const en = stringsFor('en-US');

/** The text a person reads in an element (no jest-dom here: plain textContent). */
export const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ');

/**
 * The text of the alert that appears: Fluent's MessageBar renders its content a tick after the alert
 * element itself (a live region), so wait for the text, not just the element.
 */
export async function alertText(q: { findByRole(role: 'alert' | 'status'): Promise<HTMLElement> }, role: 'alert' | 'status' = 'alert'): Promise<string> {
  const el = await q.findByRole(role);
  await waitFor(() => expect(text(el).trim()).not.toBe(''));
  return text(el);
}

// Label and text queries: role queries compute every accessible name in Fluent's large DOM and take seconds.

/** Clicks the button whose text is `name` (within `container`). */
export function clickButton(container: HTMLElement, name: string): void {
  const label = within(container).getByText(name, { selector: 'button *, button' });
  const button = label.closest('button');
  if (!button) throw new Error(`no button ${name}`);
  fireEvent.click(button);
}

/** Opens the dropdown labelled `label` and picks the option `option`. */
export async function pick(container: HTMLElement, label: string, option: string): Promise<void> {
  fireEvent.click(within(container).getByLabelText(label));
  const listbox = await screen.findByRole('listbox');
  const choice = within(listbox).getByText(option);
  // single choice: the option is a button; multiple choice: a checkbox whose label holds the text.
  fireEvent.click(choice.closest('button, label') ?? choice);
  // a multiple-choice dropdown stays open: close it as a person would (Escape), so the next one can open.
  if (listbox.getAttribute('aria-multiselectable') === 'true') {
    fireEvent.keyDown(listbox, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  }
}

/**
 * Opens agenda item `position` in the side panel: only the current item is open, the others are one
 * summary line whose button opens them (issue 18, item 9).
 */
export async function openItem(position: number): Promise<HTMLElement> {
  const line = await screen.findByTestId(`agenda-item-${position}`);
  const button = line.querySelector('button[aria-expanded="false"]');
  if (!button) throw new Error(`agenda item ${position} is open already or has nothing to open`);
  fireEvent.click(button);
  return waitFor(() => {
    const open = screen.getByTestId(`agenda-item-${position}`);
    if (open.getAttribute('data-collapsed') === 'true') throw new Error('still folded');
    return open;
  });
}
