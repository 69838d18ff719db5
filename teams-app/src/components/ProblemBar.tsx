/** An error as a message bar in the user's language: the server's coded message, never a stack trace. */
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ReactNode } from 'react';
import { ApiProblem } from '../api';
import { identifierLines } from '../../../packages/contract/src/identifiers';
import { useEnv } from './env';

/** The tab's forms call the rationale "Onderbouwing"; the guard's sentence names it so. */
const TAB_FIELD_WORDS = { rationale: { 'nl-NL': 'de onderbouwing', 'en-US': 'the rationale' } } as const;

export function problemText(error: unknown, locale: 'nl-NL' | 'en-US', generic: string): string {
  if (error instanceof ApiProblem) return [error.text(locale), ...identifierLines(error.code, error.fields, locale, TAB_FIELD_WORDS)].join(' ');
  return generic;
}

export function ProblemBar({ error, children }: { error: unknown; children?: ReactNode }) {
  const { locale, t } = useEnv();
  if (!error) return null;
  return (
    <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
      {problemText(error, locale, t.errorGeneric)}
      {children}
    </MessageBar>
  );
}
