/**
 * What is still open when an irreversible step is taken (issue 18, item 4): the partners that have not yet
 * answered the enrichment request ("Verrijking afronden"), and the follow-up actions still planned or
 * running ("Afsluiten"). Read only from the reader's own case view — organisations, offer codes, statuses and
 * dates, never more than that view holds — so the dialog shows exactly what the policy lets this user see.
 */
import type { CaseView } from './dataSource';
import type { CommandName } from './commandForms';
import type { Json } from '@signaalpunt/contract/groups';

export interface OpenItem {
  kind: 'answer' | 'action';
  organisationId: string;
  /** the action's offer code (kind "action"). */
  offerCode?: string;
  status: string;
  dueOn?: string;
}

export interface CommandContext {
  /** what is still open for this step; non-empty means the user must confirm and give a reason. */
  open: OpenItem[];
  /** the enrichment is confirmed by another partner (the core then moves on to Bespreking without a route). */
  confirmed: boolean;
  /** the view shows a young person identified and no informing recorded (the core then requires a reason to close). */
  informingMissing: boolean;
}

export const NO_CONTEXT: CommandContext = { open: [], confirmed: false, informingMissing: false };

type JsonObject = { [key: string]: Json };
const isObject = (x: Json | undefined): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);
const objects = (x: Json | undefined): JsonObject[] => (Array.isArray(x) ? x.filter(isObject) : []);
const text = (x: Json | undefined): string | undefined => (typeof x === 'string' ? x : undefined);

/** Statuses of a follow-up action that mean it has not happened yet. */
const UNFINISHED_ACTION = ['planned', 'running'];

/**
 * The same rule as the core's isConfirmed (src/core/handlers.ts): a partner other than the inbrenger's
 * organisation answered "known" with at least one signal. When the view does not show the answers, the
 * step counts as not confirmed, so the dialog asks for what the server would then require.
 */
export function enrichmentConfirmed(view: CaseView): boolean {
  const inbrenger = view.frame ? text(view.frame.inbrengerOrganisationId) : undefined;
  if (!inbrenger || !view.enrichment) return false;
  return objects(view.enrichment.requests).some((r) => {
    const answer = r.answer;
    return text(r.organisationId) !== inbrenger && isObject(answer) && answer.known === true && Array.isArray(answer.signals) && answer.signals.length > 0;
  });
}

export function openItemsFor(name: CommandName, view: CaseView): OpenItem[] {
  if (name === 'concludeEnrichment' && view.enrichment) {
    return objects(view.enrichment.requests)
      .filter((r) => r.status === 'open' && text(r.organisationId))
      .map((r) => ({ kind: 'answer' as const, organisationId: text(r.organisationId)!, status: 'open', ...(text(r.dueOn) ? { dueOn: text(r.dueOn)! } : {}) }));
  }
  if (name === 'closeCase' && view.followUp) {
    return objects(view.followUp.actions)
      .filter((a) => UNFINISHED_ACTION.indexOf(text(a.status) || '') >= 0 && text(a.organisationId))
      .map((a) => ({
        kind: 'action' as const,
        organisationId: text(a.organisationId)!,
        status: text(a.status)!,
        ...(text(a.offerCode) ? { offerCode: text(a.offerCode)! } : {}),
        ...(text(a.dueOn) ? { dueOn: text(a.dueOn)! } : {}),
      }));
  }
  return [];
}

export function commandContext(name: CommandName, view: CaseView | undefined): CommandContext {
  if (!view) return NO_CONTEXT;
  const frame = view.frame;
  const informingMissing = Boolean(frame && text(frame.identityCapturedAt) && !text(frame.informedOn));
  return { open: openItemsFor(name, view), confirmed: enrichmentConfirmed(view), informingMissing };
}

/**
 * Whether the view shows a follow-up action that is done or cancelled — what the core requires to close
 * with "follow-up done" (CLOSURE.FOLLOW_UP_NOT_DONE). Undefined when the view holds no follow-up actions.
 */
export function followUpFinished(view: CaseView | undefined): boolean | undefined {
  if (!view || !view.followUp) return undefined;
  return objects(view.followUp.actions).some((a) => a.status === 'done' || a.status === 'cancelled');
}
