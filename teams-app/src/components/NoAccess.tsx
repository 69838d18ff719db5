/** Shown to guests, anonymous participants and everyone the server refuses: nothing of any case. */
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { useEnv } from './env';

export function NoAccess({ reason }: { reason: 'guest' | 'signIn' }) {
  const { t } = useEnv();
  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="no-access">
      <h2 style={{ fontSize: 18, margin: 0 }}>{t.noAccessTitle}</h2>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        <Text>{reason === 'guest' ? t.noAccessGuest : t.signInFailed}</Text>
      </MessageBar>
    </Stack>
  );
}
