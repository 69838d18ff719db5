import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { Locale } from '../i18n';

const TEXT: Record<Locale, string> = {
  'nl-NL': 'Deze webpart is nog niet verbonden met de Signaalpunt-API. Vul in de eigenschappen de basis-URL en de Application ID URI van de API in.',
  'en-US': 'This web part is not connected to the Signaalpunt API yet. Enter the API base URL and application ID URI in its properties.',
};

export function NotConfigured(props: { locale: Locale }): React.ReactElement {
  return <MessageBar messageBarType={MessageBarType.warning}>{TEXT[props.locale]}</MessageBar>;
}
