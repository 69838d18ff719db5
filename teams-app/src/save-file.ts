/**
 * Hands a file the tab fetched (the minutes as Markdown or Word) to the browser as a download under `name`:
 * one way for every download of the tab.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the object URL is kept a moment: some browsers start the download after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
