/**
 * The few Fluent icons the coordinator uses, as plain glyphs: outside SharePoint no icon font is loaded
 * (it would come from a CDN). SharePoint pages register Fluent's icon font themselves; call this only on the
 * local page and in tests.
 */
import { registerIcons } from '@fluentui/react/lib/Styling';

const GLYPHS: Record<string, string> = {
  ChevronDown: '▾',
  ChevronUp: '▴',
  ChevronRight: '›',
  ChevronLeft: '‹',
  SortUp: '↑',
  SortDown: '↓',
  Sort: '↕',
  Cancel: '✕',
  CheckMark: '✓',
  Info: 'ℹ',
  Error: '!',
  ErrorBadge: '!',
  Blocked2: '!',
  Warning: '!',
  Completed: '✓',
  More: '…',
  GroupedDescending: '▾',
  GroupedAscending: '▴',
  Clear: '✕',
  Filter: '⏷',
  CircleRing: '○',
  StatusCircleCheckmark: '✓',
};

let done = false;

export function registerLocalIcons(): void {
  if (done) return;
  done = true;
  registerIcons({ icons: GLYPHS }, { disableWarnings: true });
}
