/** The configurable tab's config page (frameContext "settings"): nothing to choose; tells Teams what to save. */
import { Stack, Text } from '@fluentui/react';
import { useEffect } from 'react';
import { useEnv } from './env';

export function ConfigPage({ register }: { register?: () => void }) {
  const { t } = useEnv();
  useEffect(() => {
    register?.();
  }, [register]);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t.configTitle}</h1>
      <Text>{t.configIntro}</Text>
    </Stack>
  );
}
