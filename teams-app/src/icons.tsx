/**
 * The few Fluent UI icons the tab's controls use, as inline SVG: no icon font from a CDN (blocked inside
 * the meeting's content security policy and unavailable offline), and a checked checkbox shows its mark.
 */
import { registerIcons } from '@fluentui/react/lib/Styling';

const svg = (d: string, extra?: { fill?: boolean }) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
    <path d={d} fill={extra?.fill ? 'currentColor' : 'none'} stroke={extra?.fill ? 'none' : 'currentColor'} strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

let registered = false;

export function registerTabIcons(): void {
  if (registered) return;
  registered = true;
  registerIcons({
    icons: {
      ChevronDown: svg('M3 6l5 5 5-5'),
      CheckMark: svg('M2.5 8.5l3.5 3.5 7.5-8'),
      Info: svg('M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 7v4.5M8 4.6v.2'),
      ErrorBadge: svg('M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5.5 5.5l5 5M10.5 5.5l-5 5'),
      Blocked2: svg('M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M3.5 12.5l9-9'),
      Warning: svg('M8 1.8l6.5 12H1.5zM8 6.5v3.5M8 11.8v.2'),
      Completed: svg('M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5 8.2l2 2 4-4.4'),
      Clear: svg('M3.5 3.5l9 9M12.5 3.5l-9 9'),
      Cancel: svg('M3.5 3.5l9 9M12.5 3.5l-9 9'),
      DoubleChevronDown: svg('M3.5 3.5l4.5 4.5 4.5-4.5M3.5 8.5l4.5 4.5 4.5-4.5'),
      DoubleChevronUp: svg('M3.5 12.5l4.5-4.5 4.5 4.5M3.5 7.5l4.5-4.5 4.5 4.5'),
    },
  });
}
