/**
 * The benchmark's baseline: a blank Fluent UI page, built exactly as the tab is (teams-app/build.ts), that
 * marks its first render the way the side panel does.
 */
import { Text, ThemeProvider } from '@fluentui/react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { markFirstRender } from '../src/components/env';
import { THEMES } from '../src/theme';

function Blank() {
  useEffect(() => markFirstRender('sjv:first-render'), []);
  return (
    <ThemeProvider theme={THEMES.default} applyTo="body">
      <main style={{ padding: 12 }}>
        <Text>Signaaltafel</Text>
      </main>
    </ThemeProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Blank />);
