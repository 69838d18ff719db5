/**
 * Fluent's Dropdown, always opening as a callout: Fluent would open a full-screen panel in a narrow frame
 * (the meeting side panel is about 320 px wide), which covers the agenda the chair is working in.
 */
import type { IDropdownProps } from '@fluentui/react';
import { Dropdown, ResponsiveMode } from '@fluentui/react';

export function TabDropdown(props: IDropdownProps) {
  return <Dropdown responsiveMode={ResponsiveMode.large} {...props} />;
}
