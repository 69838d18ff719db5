/**
 * The local coordinator page: the same components as the SharePoint web part (the case list and the
 * "Evaluatie en verantwoording" tab), against the local API. Signs in as a demo user with the local dev
 * token (local mode only): ?user=regisseur@gemeente.demo&lang=en  (fg@gemeente.demo: the dashboard only);
 * ?tab=dashboard opens "Evaluatie en verantwoording" first (the server sends /pages/transparency/ here).
 */
import '../caseList/fabricConfig';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { ApiDataSource } from '../caseList/apiClient';
import type { HttpLike } from '../caseList/apiClient';
import { SignaalpuntApp } from '../caseList/components/SignaalpuntApp';
import { pickLocale } from '../caseList/i18n';
import { registerLocalIcons } from '../caseList/icons';

async function devToken(user: string): Promise<string> {
  const res = await fetch('/api/v1/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  if (!res.ok) throw new Error(`dev token: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function start(root: HTMLElement): Promise<void> {
  registerLocalIcons();
  const params = new URLSearchParams(window.location.search);
  const locale = pickLocale(params.get('lang') || navigator.language);
  document.documentElement.lang = locale === 'en-US' ? 'en' : 'nl';
  const token = await devToken(params.get('user') || 'regisseur@gemeente.demo');
  const http: HttpLike = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
  const pageSize = Number(params.get('pageSize')) || 50;
  const started = performance.now();
  const api = new ApiDataSource(window.location.origin, http);
  ReactDom.render(
    <SignaalpuntApp
      cases={api}
      accountability={api}
      locale={locale}
      pageSize={pageSize}
      {...(params.get('tab') === 'dashboard' ? { initialTab: 'dashboard' as const } : {})}
      onFirstRender={(rows) => {
        (window as unknown as { __sjvFirstRender?: { rows: number; ms: number } }).__sjvFirstRender = { rows, ms: performance.now() - started };
      }}
    />,
    root,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((e: unknown) => {
    root.textContent = `De pagina kon niet starten / The page could not start: ${e instanceof Error ? e.message : String(e)}`;
  });
}
