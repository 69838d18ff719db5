/** The facts of the running page for the wait rule of ./wait.ts (read off the window; ./wait.ts stays pure). */
import type { FrameFacts } from './wait';

export function frameFacts(w: Window): FrameFacts {
  const ancestors = w.location.ancestorOrigins as DOMStringList | undefined;
  return { framed: w.parent !== w, hasOpener: Boolean(w.opener), ancestorOrigin: ancestors && ancestors.length > 0 ? ancestors[0]! : undefined, ownOrigin: w.location.origin };
}
