/**
 * Checks an Adaptive Card as Teams would get it: parsed and validated as version 1.5 by the adaptivecards
 * library (its Node bundle), plus what the library does not check: the card's `type` and `version`, no
 * template expression left unexpanded, only Universal Actions (Action.Execute) for anything that submits.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- reason: the package's ESM entry does not load in Node; its UMD bundle does (TOOLCHAIN.md)
const AC = require('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsBundle;

interface AdaptiveCardsBundle {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
}

const ALLOWED_ACTIONS = new Set(['Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (!c || typeof c !== 'object') return ['not an object'];
  if (c.type !== 'AdaptiveCard') problems.push(`type is ${String(c.type)}`);
  if (c.version !== '1.5') problems.push(`version is ${String(c.version)}`);
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('unexpanded template expression');
  const walk = (n: unknown, path: string): void => {
    if (Array.isArray(n)) n.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) {
        if (!ALLOWED_ACTIONS.has(o.type)) problems.push(`${path}: ${o.type} (use Action.Execute)`);
        if (o.type === 'Action.Execute' && (typeof o.verb !== 'string' || !o.verb)) problems.push(`${path}: Action.Execute without verb`);
      }
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.label !== 'string') problems.push(`${path}: input without label`);
      if (o.type === 'TextBlock' && (typeof o.text !== 'string' || o.text === '')) problems.push(`${path}: empty TextBlock`);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    }
  };
  walk(card, '$');
  const refresh = c.refresh as { action?: { type?: string } } | undefined;
  if (refresh && refresh.action?.type !== 'Action.Execute') problems.push('refresh without Action.Execute');
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}
