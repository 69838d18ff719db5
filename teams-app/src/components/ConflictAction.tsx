/** After a version conflict: a button that loads what the other person saved (the message says why). */
import { Link } from '@fluentui/react';
import { isCode } from '../api';
import { useEnv } from './env';

export function ConflictAction({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useEnv();
  if (!isCode(error, 'CASE.VERSION_CONFLICT') && !isCode(error, 'MEETING.VERSION_CONFLICT')) return null;
  return (
    <>
      {' '}
      <Link onClick={onReload}>{t.conflictReload}</Link>
    </>
  );
}
