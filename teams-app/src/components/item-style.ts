/**
 * The frame of an agenda item, in the theme's divider colour: a soft grey line in the light and dark
 * themes (in the dark theme the text colour, white, made harsh white borders — issue 18, item 11), white
 * in high contrast, where a visible outline is the point.
 */
import { useTheme } from '@fluentui/react';
import type { CSSProperties } from 'react';

export function useItemCardStyle(): CSSProperties {
  const theme = useTheme();
  return { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 };
}
