/**
 * Import first (before @fluentui/react) on pages outside SharePoint: with an empty font base URL Fluent does
 * not register its web fonts from the Office CDN, so the page makes no request off this machine and uses the
 * system's Segoe UI or fallback fonts instead. SharePoint pages configure Fluent themselves.
 */
(window as unknown as { FabricConfig?: { fontBaseUrl?: string } }).FabricConfig = {
  ...((window as unknown as { FabricConfig?: object }).FabricConfig || {}),
  fontBaseUrl: '',
};
export {};
