/**
 * Fluent UI themes matching Teams' three themes (default, dark, high contrast). Colours are chosen for
 * WCAG 2.1 AA contrast (text ≥ 4.5:1 against its background).
 */
import type { PartialTheme } from '@fluentui/react';
import type { ThemeName } from './host/types';

const light: PartialTheme = {
  palette: {
    themePrimary: '#5b5fc7',
    themeLighterAlt: '#f7f7fc',
    themeLighter: '#e0e1f5',
    themeLight: '#c6c7ed',
    themeTertiary: '#9192db',
    themeSecondary: '#6a6ecc',
    themeDarkAlt: '#5256b3',
    themeDark: '#454997',
    themeDarker: '#33356f',
    neutralLighterAlt: '#faf9f8',
    neutralLighter: '#f3f2f1',
    neutralLight: '#edebe9',
    neutralQuaternaryAlt: '#e1dfdd',
    neutralQuaternary: '#d0d0d0',
    neutralTertiaryAlt: '#c8c6c4',
    neutralTertiary: '#8a8886',
    neutralSecondary: '#605e5c',
    neutralPrimaryAlt: '#3b3a39',
    neutralPrimary: '#242424',
    neutralDark: '#201f1e',
    black: '#000000',
    white: '#ffffff',
  },
  // the agenda items' frames (item-style.ts): Teams' light stroke grey, visible on white without weight
  semanticColors: { bodyDivider: '#d1d1d1' },
};

const dark: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5',
    themeLighterAlt: '#05050a',
    themeLighter: '#141527',
    themeLight: '#262849',
    themeTertiary: '#4c5093',
    themeSecondary: '#7075d7',
    themeDarkAlt: '#8c91f6',
    themeDark: '#9ea2f7',
    themeDarker: '#b8bbf9',
    neutralLighterAlt: '#2b2b2b',
    neutralLighter: '#333333',
    neutralLight: '#3d3d3d',
    neutralQuaternaryAlt: '#454545',
    neutralQuaternary: '#4c4c4c',
    neutralTertiaryAlt: '#6a6a6a',
    neutralTertiary: '#a6a6a6',
    neutralSecondary: '#c8c8c8',
    neutralPrimaryAlt: '#e0e0e0',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f',
  },
};

const contrast: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeLighterAlt: '#000000',
    themeLighter: '#000000',
    themeLight: '#333300',
    themeTertiary: '#999900',
    themeSecondary: '#e6e600',
    themeDarkAlt: '#ffff33',
    themeDark: '#ffff66',
    themeDarker: '#ffff99',
    neutralLighterAlt: '#000000',
    neutralLighter: '#0d0d0d',
    neutralLight: '#1a1a1a',
    neutralQuaternaryAlt: '#262626',
    neutralQuaternary: '#333333',
    neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000',
  },
  semanticColors: {
    primaryButtonText: '#000000',
    primaryButtonTextHovered: '#000000',
    primaryButtonTextPressed: '#000000',
    link: '#3ff23f',
    linkHovered: '#3ff23f',
    inputBorder: '#ffffff',
    bodyDivider: '#ffffff',
    disabledText: '#3ff23f',
  },
};

export const THEMES: Record<ThemeName, PartialTheme> = { default: light, dark, contrast };
