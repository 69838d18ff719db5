/**
 * The partner registry for the procesregisseur (issue 14: "the procesregisseur sees the registry in the web
 * part"): every organisation of the directory, whether it is a member of the privacy protocol today, and
 * the days it joined and left. Read-only here: the registry comes from the reviewed directory file that
 * provisioning writes (docs/deployment.md), so a change goes through that file, not through this screen.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { Locale } from '../i18n';
import { stringsFor } from '../i18n';
import { formatDate } from '../labels';
import type { Partner } from '../dataSource';

const cell: React.CSSProperties = { textAlign: 'left', padding: '4px 12px 4px 0', verticalAlign: 'top' };

/** A day (yyyy-mm-dd) as the web part writes days, or the "none" text. */
function day(iso: string | undefined, locale: Locale, none: string): string {
  return iso ? formatDate(iso, locale) : none;
}

export function PartnerRegistry(props: { load: () => Promise<Partner[]>; locale: Locale }): React.ReactElement {
  const { load, locale } = props;
  const s = stringsFor(locale);
  const r = s.registry;
  const [items, setItems] = React.useState<Partner[] | 'failed' | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  // loads on mount and on retry only (the parent may hand a new function each render)
  const loader = React.useRef(load);
  loader.current = load;
  React.useEffect(() => {
    let live = true;
    setItems(undefined);
    loader.current().then(
      (list) => live && setItems(list.slice().sort((a, b) => a.name.localeCompare(b.name, locale))),
      () => live && setItems('failed'),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return (
    <section aria-labelledby="sjv-registry" data-testid="partner-registry">
      <h2 id="sjv-registry" style={{ margin: '0 0 6px', fontSize: 18 }}>
        {r.title}
      </h2>
      <p style={{ marginTop: 0 }}>{r.intro}</p>
      {items === undefined ? <Spinner label={s.loading} /> : null}
      {items === 'failed' ? (
        <MessageBar messageBarType={MessageBarType.error} role="alert" actions={<DefaultButton text={s.retry} onClick={() => setAttempt((n) => n + 1)} />}>
          {r.failed}
        </MessageBar>
      ) : null}
      {Array.isArray(items) && items.length === 0 ? <p>{r.empty}</p> : null}
      {Array.isArray(items) && items.length > 0 ? (
        <table style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th scope="col" style={cell}>{r.colOrganisation}</th>
              <th scope="col" style={cell}>{r.colMember}</th>
              <th scope="col" style={cell}>{r.colJoined}</th>
              <th scope="col" style={cell}>{r.colLeft}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-member={p.member ? 'true' : 'false'}>
                <td style={cell}>{p.name}</td>
                <td style={cell}>{p.member ? r.member : r.notMember}</td>
                <td style={cell}>{day(p.joinedOn, locale, s.none)}</td>
                <td style={cell}>{day(p.leftOn, locale, s.none)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
