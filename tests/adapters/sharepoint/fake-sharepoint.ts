/**
 * A local HTTP server on 127.0.0.1 (port 0) that speaks the SharePoint REST contract for the calls the
 * SharePoint store and provisioning make — the network edge, so that the real PnP client runs unchanged:
 * - lists: getByTitle (GET, MERGE), add; fields: list, createfieldasxml, getByInternalNameOrTitle (MERGE);
 * - items: $filter / $select / $top / $orderby, paging with odata.nextLink + $skiptoken, add, MERGE with
 *   If-Match (412 on a stale etag), DELETE; unique columns (409);
 * - security: breakroleinheritance, resetroleinheritance, roleassignments (GET with $expand),
 *   addroleassignment, removeroleassignment on lists and items; site groups; ensureuser; role definitions;
 * - throttling: a per-app request budget answered with 429 and Retry-After, and injected 429/503 answers.
 * It is strict where SharePoint is strict or where the store promises to be: the list view threshold
 * (unindexed filters and sorts on lists past 5,000 items), $top ≤ 5,000, only provisioned columns may be
 * written, Text ≤ 255 characters, multi-line text ≤ 63,999 characters, and every request needs the bearer token.
 * Each behaviour names the Microsoft page it follows, where it is implemented.
 *
 * Throttling: https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 *   "the calling application sent too many requests in a time window and exceeded a predetermined limit"
 *   → HTTP 429 with a Retry-After header (seconds); "Throttled requests count towards usage limits".
 * List view threshold: https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee557257(v=office.14)
 *   "Queries on lists consisting of more than 5,000 items that include fields that are not indexed in their
 *   query conditions will also fail" (SPQueryThrottledException,
 *   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ee570450(v=office.15)).
 * Paging: $skiptoken=Paged=TRUE&p_ID=<last id> in odata.nextLink, the paging info SharePoint generates
 *   ("Paged=TRUE&p_ID=9 … the ID for the last item on the page",
 *   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms443529(v=office.15)).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_USERS } from '../../../src/demo/tenant';

export const READ_ROLE = 1073741826;
/** a plain multi-line text column of a list holds at most 63,999 characters. */
export const NOTE_MAX = 63_999;
export const EDIT_ROLE = 1073741830;
/** SharePoint Online's list view threshold (fixed in SharePoint Online). */
export const LIST_VIEW_THRESHOLD = 5_000;
export const FULL_CONTROL_ROLE = 1073741829;
/**
 * The built-in "Contribute" role definition (RoleType.Contributor = 3, id 1073741827 on every site), per
 * https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee541728(v=office.15) (RoleType enumeration).
 */
export const CONTRIBUTE_ROLE = 1073741827;

export interface LoggedRequest {
  method: string;
  /** decoded path below /_api/, e.g. `web/lists/getByTitle('SJVCases')/items` */
  path: string;
  query: Record<string, string>;
  xHttpMethod: string | undefined;
  ifMatch: string | undefined;
  authorization: string | undefined;
  body: unknown;
  status: number;
  /** when the request arrived (ms since the epoch). */
  at: number;
}

interface Field {
  name: string;
  type: string;
  indexed: boolean;
  unique: boolean;
}
interface Securable {
  unique: boolean;
  assignments: Map<number, Set<number>>;
}
interface Item extends Securable {
  id: number;
  version: number;
  values: Record<string, unknown>;
}
interface List extends Securable {
  title: string;
  settings: Record<string, unknown>;
  fields: Map<string, Field>;
  items: Map<number, Item>;
  nextId: number;
}
interface Principal {
  id: number;
  title: string;
  kind: 'group' | 'user';
}
interface Fault {
  method?: string;
  path: RegExp;
  times: number;
  status: number;
  retryAfter?: string;
  /** the request is carried out, then answered with `status`: an answer lost on the way back. */
  afterApply?: boolean;
}

class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// ---- OData $filter ----------------------------------------------------------------------------------------

type Expr = { op: 'and' | 'or'; l: Expr; r: Expr } | { cmp: string; field: string; value: string | number | null };

export function parseFilter(src: string): Expr {
  const tokens = src.match(/'(?:[^']|'')*'|\(|\)|[A-Za-z_][A-Za-z0-9_/]*|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The expression is not valid.');
    return t;
  };
  const primary = (): Expr => {
    if (peek() === '(') {
      next();
      const e = or();
      if (next() !== ')') throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The expression is not valid.');
      return e;
    }
    const field = next();
    const cmp = next().toLowerCase();
    if (!['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(cmp)) throw new SpError(400, 'Microsoft.SharePoint.SPException', `Unsupported operator ${cmp}`);
    const raw = next();
    const value = raw === 'null' ? null : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : Number(raw);
    return { cmp, field, value };
  };
  const and = (): Expr => {
    let e = primary();
    while (peek()?.toLowerCase() === 'and') {
      next();
      e = { op: 'and', l: e, r: primary() };
    }
    return e;
  };
  const or = (): Expr => {
    let e = and();
    while (peek()?.toLowerCase() === 'or') {
      next();
      e = { op: 'or', l: e, r: and() };
    }
    return e;
  };
  const e = or();
  if (i !== tokens.length) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The expression is not valid.');
  return e;
}

export function filterFields(e: Expr): string[] {
  return 'op' in e ? [...filterFields(e.l), ...filterFields(e.r)] : [e.field];
}

function evaluate(e: Expr, v: Record<string, unknown>): boolean {
  if ('op' in e) return e.op === 'and' ? evaluate(e.l, v) && evaluate(e.r, v) : evaluate(e.l, v) || evaluate(e.r, v);
  const x = v[e.field];
  const isNull = x === null || x === undefined || x === '';
  if (e.value === null) return e.cmp === 'eq' ? isNull : e.cmp === 'ne' ? !isNull : false;
  if (isNull) return e.cmp === 'ne';
  const a = typeof e.value === 'number' ? Number(x) : String(x);
  const b = e.value;
  switch (e.cmp) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    default:
      return a >= b;
  }
}

// ---- the server ---------------------------------------------------------------------------------------------

export class FakeSharePoint {
  readonly token = 'fake-app-only-token';
  readonly requests: LoggedRequest[] = [];
  readonly lists = new Map<string, List>();
  readonly principals = new Map<number, Principal>();
  /** the web's own role assignments (inherited by lists that do not break inheritance). */
  readonly web: Securable = { unique: true, assignments: new Map() };
  private readonly faults: Fault[] = [];
  private server: http.Server | undefined;
  private nextPrincipal = 20;
  siteUrl = '';
  origin = '';
  /**
   * The tenant's directory as SharePoint resolves it: user principal names (lower case) of the accounts that
   * exist. Defaults to the demo tenant's users, whose ids are their UPNs.
   */
  readonly tenantUsers = new Set<string>(DEMO_USERS.map((u) => u.id.toLowerCase()));
  /** filters or sorts on unindexed columns that were answered (below the threshold): the store should send none. */
  readonly unindexedQueries: { list: string; fields: string[] }[] = [];
  /** the per-app request budget (off unless a test sets it), and each app's recent request times. */
  private budget: { requests: number; windowMs: number } | undefined;
  private readonly usage = new Map<string, number[]>();

  constructor() {
    // the site's default groups, as a new team site has them, and the server app's principal.
    for (const [id, title, role] of [
      [3, 'Signaalpunt Owners', FULL_CONTROL_ROLE],
      [4, 'Signaalpunt Members', EDIT_ROLE],
      [5, 'Signaalpunt Visitors', READ_ROLE],
    ] as const) {
      this.principals.set(id, { id, title, kind: 'group' });
      this.web.assignments.set(id, new Set([role]));
    }
    this.principals.set(9, { id: 9, title: 'SharePoint App', kind: 'user' });
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.origin = `http://127.0.0.1:${port}`;
    this.siteUrl = `${this.origin}/sites/signaalpunt`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * A per-app budget: more than `requests` requests of one app (one bearer token) within `windowMs` are
   * answered 429 with Retry-After, the whole seconds until the window has room again. Throttled requests
   * count too, as SharePoint's do.
   */
  limitRequests(requests: number, windowMs: number): void {
    this.budget = { requests, windowMs };
    this.usage.clear();
  }

  /** Adds `n` items to a list directly (not over HTTP): a list past the list view threshold, cheaply. */
  fill(listTitle: string, n: number, values: Record<string, unknown> = {}): void {
    const list = this.list(listTitle);
    for (let i = 0; i < n; i++) {
      const id = list.nextId++;
      list.items.set(id, { id, version: 1, values: { ...values }, unique: false, assignments: new Map() });
    }
  }

  /** The next `times` requests matching answer `status` (429 by default) with a Retry-After header. */
  inject(fault: { method?: string; path: RegExp; times?: number; status?: number; retryAfter?: string; afterApply?: boolean }): void {
    this.faults.push({ times: 1, status: 429, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  list(title: string): List {
    const l = this.lists.get(title.toLowerCase());
    if (!l) throw new SpError(404, 'System.ArgumentException', `List '${title}' does not exist at site with URL '${this.siteUrl}'.`);
    return l;
  }

  principalByTitle(title: string): Principal | undefined {
    return [...this.principals.values()].find((p) => p.title === title);
  }

  /** Names of the principals that can read an item, following inheritance (item → list → web). */
  readersOf(listTitle: string, itemId: number): string[] {
    const list = this.list(listTitle);
    const item = list.items.get(itemId);
    if (!item) throw new Error(`no item ${itemId} in ${listTitle}`);
    const scope = item.unique ? item : list.unique ? list : this.web;
    return [...scope.assignments.entries()]
      .filter(([, roles]) => roles.size > 0)
      .map(([id]) => this.principals.get(id)?.title ?? `#${id}`)
      .sort();
  }

  /** Role definitions an item grants each principal (own assignments only). */
  assignmentsOf(listTitle: string, itemId: number): Record<string, number[]> {
    const item = this.list(listTitle).items.get(itemId)!;
    return Object.fromEntries([...item.assignments.entries()].map(([id, roles]) => [this.principals.get(id)?.title ?? `#${id}`, [...roles].sort()]));
  }

  items(listTitle: string): Item[] {
    return [...this.list(listTitle).items.values()];
  }

  // ---- request handling ----

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.origin);
    const prefix = '/sites/signaalpunt/_api/';
    const path = decodeURIComponent(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname);
    const query = Object.fromEntries(url.searchParams.entries());
    const header = (n: string): string | undefined => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined);
    let body: unknown = undefined;
    if (raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const log: LoggedRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      xHttpMethod: header('x-http-method'),
      ifMatch: header('if-match'),
      authorization: header('authorization'),
      body,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(log);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      log.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      if (log.authorization !== `Bearer ${this.token}`) throw new SpError(401, 'Unauthorized', 'Unsupported app only token.');
      if (this.budget) {
        const now = Date.now();
        const key = log.authorization ?? '';
        const times = (this.usage.get(key) ?? []).filter((t) => now - t < this.budget!.windowMs);
        times.push(now);
        this.usage.set(key, times);
        if (times.length > this.budget.requests) {
          const retryAfter = Math.max(1, Math.ceil((times[times.length - this.budget.requests]! + this.budget.windowMs - now) / 1000));
          send(429, { 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'The request has been throttled.' } } }, { 'Retry-After': String(retryAfter) });
          return;
        }
      }
      const fault = this.faults.find((f) => f.times > 0 && f.path.test(path) && (!f.method || f.method === log.method));
      if (fault) {
        fault.times -= 1;
        // afterApply: the write is done, its answer replaced — not a SharePoint behaviour but the network's: a
        // gateway that gives up waiting answers 504 Gateway Timeout though the server went on (RFC 9110 §15.6.5,
        // https://www.rfc-editor.org/rfc/rfc9110#name-504-gateway-timeout); PnP retries a 504 as it does a 503.
        if (fault.afterApply) this.route(log.method, log.xHttpMethod, path, query, body, log.ifMatch);
        send(fault.status, { 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'Throttled' } } }, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
        return;
      }
      const out = this.route(log.method, log.xHttpMethod, path, query, body, log.ifMatch);
      send(out.status, out.body, out.headers);
    } catch (e) {
      const err = e instanceof SpError ? e : new SpError(500, 'System.Exception', String(e));
      send(err.status, { 'odata.error': { code: `-1, ${err.code}`, message: { lang: 'en-US', value: err.message } } });
    }
  }

  private route(
    method: string,
    xMethod: string | undefined,
    path: string,
    query: Record<string, string>,
    body: unknown,
    ifMatch: string | undefined,
  ): { status: number; body?: unknown; headers?: Record<string, string> } {
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpMatchArray | null;
    if (method === 'POST' && /^web\/lists$/i.test(path)) return { status: 201, body: this.addList(b) };
    if (method === 'GET' && (m = path.match(/^web\/sitegroups\/getByName\('(.*)'\)$/i))) {
      const p = this.principalByTitle(m[1]!.replace(/''/g, "'"));
      if (!p || p.kind !== 'group') throw new SpError(404, 'Microsoft.SharePoint.SPException', 'Group cannot be found.');
      return { status: 200, body: this.select({ Id: p.id, Title: p.title }, query) };
    }
    if (method === 'POST' && /^web\/sitegroups$/i.test(path)) {
      const title = String(b.Title);
      if (this.principalByTitle(title)) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The specified name is already in use.');
      const id = this.nextPrincipal++;
      this.principals.set(id, { id, title, kind: 'group' });
      return { status: 201, body: { Id: id, Title: title } };
    }
    if (method === 'POST' && /^web\/ensureuser$/i.test(path)) {
      // POST web/ensureuser { logonName }: "Checks whether the specified login name belongs to a valid user in
      // the site. If the user doesn't exist, adds the user to the site."
      // https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj245233(v=office.15)
      // A login SharePoint Online cannot resolve is an SPException ("The user with the specified logonName
      // cannot be found", https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms473422(v=office.14)).
      // Entra users are claims logins `i:0#.f|membership|<user principal name>` (PnP's ensureUser docs:
      // "ex: i:0#.f|membership|user@domain.onmicrosoft.com"); the name part is matched as a UPN, case-insensitively.
      // An object id in its place resolves to nobody.
      const login = String(b.logonName);
      const claim = /^i:0#\.f\|membership\|(.+)$/i.exec(login);
      const upn = claim?.[1]?.toLowerCase();
      if (!upn || !this.tenantUsers.has(upn)) throw new SpError(500, 'Microsoft.SharePoint.SPException', 'The specified user could not be found.');
      const normal = `i:0#.f|membership|${upn}`;
      let p = this.principalByTitle(normal);
      if (!p) {
        p = { id: this.nextPrincipal++, title: normal, kind: 'user' };
        this.principals.set(p.id, p);
      }
      return { status: 200, body: { Id: p.id, LoginName: normal, Title: upn, UserPrincipalName: upn } };
    }
    if (method === 'GET' && (m = path.match(/^web\/roledefinitions\/getbytype\((\d+)\)$/i))) {
      const type = Number(m[1]);
      const id = type === 2 ? READ_ROLE : type === 3 ? CONTRIBUTE_ROLE : type === 5 ? FULL_CONTROL_ROLE : type === 6 ? EDIT_ROLE : 0;
      if (!id) throw new SpError(404, 'Microsoft.SharePoint.SPException', 'Role definition not found.');
      return { status: 200, body: this.select({ Id: id, Name: type === 2 ? 'Read' : type === 3 ? 'Contribute' : 'Other', RoleTypeKind: type }, query) };
    }
    if (!(m = path.match(/^web\/lists\/getByTitle\('((?:[^']|'')*)'\)(.*)$/i))) throw new SpError(404, 'Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${path}.`);
    const list = this.list(m[1]!.replace(/''/g, "'"));
    const rest = m[2]!;
    if (rest === '') {
      if (method === 'GET') return { status: 200, body: this.select({ Title: list.title, HasUniqueRoleAssignments: list.unique, ItemCount: list.items.size, ...list.settings }, query) };
      if (method === 'POST' && xMethod === 'MERGE') {
        Object.assign(list.settings, b);
        return { status: 204 };
      }
    }
    if (rest === '/fields' && method === 'GET') {
      return { status: 200, body: { value: [...list.fields.values()].map((f) => this.select({ InternalName: f.name, TypeAsString: f.type, Indexed: f.indexed, EnforceUniqueValues: f.unique }, query)) } };
    }
    if (rest.toLowerCase() === '/fields/createfieldasxml' && method === 'POST') {
      const xml = String(((b.parameters ?? {}) as Record<string, unknown>).SchemaXml ?? '');
      const attr = (n: string): string | undefined => xml.match(new RegExp(`\\b${n}="([^"]*)"`))?.[1];
      const name = attr('Name');
      if (!name || list.fields.has(name)) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'A duplicate field name was found.');
      const f: Field = { name, type: attr('Type') ?? 'Text', indexed: attr('Indexed') === 'TRUE', unique: attr('EnforceUniqueValues') === 'TRUE' };
      if (f.unique && !f.indexed) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'Unique columns must be indexed.');
      list.fields.set(name, f);
      return { status: 201, body: { InternalName: name } };
    }
    if ((m = rest.match(/^\/fields\/getByInternalNameOrTitle\('(.*)'\)$/i)) && method === 'GET') {
      const f = list.fields.get(m[1]!);
      if (!f) throw new SpError(404, 'System.ArgumentException', 'Column does not exist.');
      return { status: 200, body: this.select({ InternalName: f.name, 'odata.type': `SP.Field${f.type}`, FieldTypeKind: f.type === 'Number' ? 9 : f.type === 'Note' ? 3 : 2 }, query) };
    }
    if ((m = rest.match(/^\/fields\/getByInternalNameOrTitle\('(.*)'\)$/i)) && method === 'POST' && xMethod === 'MERGE') {
      const f = list.fields.get(m[1]!);
      if (!f) throw new SpError(404, 'System.ArgumentException', 'Column does not exist.');
      if (typeof b.Indexed === 'boolean') f.indexed = b.Indexed;
      if (typeof b.EnforceUniqueValues === 'boolean') f.unique = b.EnforceUniqueValues;
      if (f.unique && !f.indexed) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'Unique columns must be indexed.');
      return { status: 204 };
    }
    if (rest === '/items' && method === 'GET') return { status: 200, body: this.queryItems(list, path, query) };
    if (rest === '/items' && method === 'POST') {
      const item = this.addItem(list, b);
      return { status: 201, body: this.itemJson(list, item, {}), headers: { ETag: `"${item.version}"` } };
    }
    const sec = rest.match(/^(?:\/items\((\d+)\))?(.*)$/)!;
    const target: Securable & Partial<Item> = sec[1] ? this.item(list, Number(sec[1])) : list;
    const op = sec[2]!;
    if (sec[1] && op === '') {
      const item = target as Item;
      if (method === 'GET') return { status: 200, body: this.itemJson(list, item, query) };
      if (method === 'POST' && (xMethod === 'MERGE' || xMethod === 'DELETE')) {
        if (ifMatch && ifMatch !== '*' && ifMatch !== `"${item.version}"`) {
          // optimistic concurrency: a MERGE with a stale If-Match etag is refused with 412 Precondition Failed
          // (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest)
          throw new SpError(412, 'Microsoft.SharePoint.Client.ClientServiceException', 'The request ETag value does not match the object\'s ETag value.');
        }
        if (xMethod === 'DELETE') {
          list.items.delete(item.id);
          return { status: 200 };
        }
        this.writeValues(list, item, b);
        item.version += 1;
        return { status: 204, headers: { ETag: `"${item.version}"` } };
      }
    }
    // breakRoleInheritance(copyRoleAssignments, clearSubscopes): "Creates unique role assignments for the
    // securable object … If the value is false, the collection of role assignments must contain only 1 role
    // assignment containing the current user after the operation" (here the app's principal, id 9);
    // clearSubscopes resets the children that had their own permissions.
    // https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee659518(v=office.14)
    if ((m = op.match(/^\/breakroleinheritance\(copyroleassignments=(true|false),\s*clearsubscopes=(true|false)\)$/i)) && method === 'POST') {
      if (!target.unique) {
        const parent = sec[1] ? (list.unique ? list : this.web) : this.web;
        target.assignments = m[1] === 'true' ? new Map([...parent.assignments].map(([k, v]) => [k, new Set(v)])) : new Map([[9, new Set([FULL_CONTROL_ROLE])]]);
        target.unique = true;
      }
      if (m[2] === 'true' && !sec[1]) for (const it of list.items.values()) it.unique = false;
      return { status: 200, body: {} };
    }
    if (/^\/resetroleinheritance$/i.test(op) && method === 'POST') {
      target.unique = false;
      target.assignments = new Map();
      return { status: 200, body: {} };
    }
    if (/^\/roleassignments$/i.test(op) && method === 'GET') {
      if (!target.unique) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The object inherits permissions.');
      const expand = (query.$expand ?? '').toLowerCase().includes('roledefinitionbindings');
      return {
        status: 200,
        body: { value: [...target.assignments.entries()].map(([id, roles]) => ({ PrincipalId: id, ...(expand ? { RoleDefinitionBindings: [...roles].map((r) => ({ Id: r })) } : {}) })) },
      };
    }
    if ((m = op.match(/^\/roleassignments\/(add|remove)roleassignment\(principalid=(\d+),\s*roledefid=(\d+)\)$/i)) && method === 'POST') {
      if (!target.unique) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'You cannot change the permissions of an object that inherits them.');
      const principal = Number(m[2]);
      const role = Number(m[3]);
      if (!this.principals.has(principal)) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'Principal not found.');
      const roles = target.assignments.get(principal) ?? new Set<number>();
      if (m[1]!.toLowerCase() === 'add') roles.add(role);
      else roles.delete(role);
      if (roles.size) target.assignments.set(principal, roles);
      else target.assignments.delete(principal);
      return { status: 200, body: {} };
    }
    throw new SpError(404, 'Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${path}.`);
  }

  private addList(b: Record<string, unknown>): Record<string, unknown> {
    const title = String(b.Title);
    if (this.lists.has(title.toLowerCase())) throw new SpError(500, 'Microsoft.SharePoint.SPException', 'A list, survey, discussion board, or document library with the specified title already exists.');
    const settings: Record<string, unknown> = { EnableVersioning: true, NoCrawl: false };
    for (const [k, v] of Object.entries(b)) if (!['Title', 'BaseTemplate', '__metadata'].includes(k)) settings[k] = v;
    this.lists.set(title.toLowerCase(), {
      title,
      settings,
      fields: new Map([['Title', { name: 'Title', type: 'Text', indexed: false, unique: false }]]),
      items: new Map(),
      nextId: 1,
      unique: false,
      assignments: new Map(),
    });
    return { Title: title };
  }

  private item(list: List, id: number): Item {
    const it = list.items.get(id);
    if (!it) throw new SpError(404, 'System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
    return it;
  }

  private writeValues(list: List, item: Item, values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      if (k === '__metadata') continue;
      const f = list.fields.get(k);
      if (!f) throw new SpError(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${k}' does not exist on type 'SP.Data.${list.title}ListItem'.`);
      if (v !== null && f.type === 'Number' && typeof v !== 'number') throw new SpError(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `Invalid number for ${k}.`);
      if (v !== null && f.type !== 'Number' && typeof v !== 'string') throw new SpError(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `Invalid text for ${k}.`);
      if (f.type === 'Text' && typeof v === 'string' && v.length > 255) throw new SpError(400, 'Microsoft.SharePoint.SPException', `The value of ${k} is longer than 255 characters.`);
      if (f.type === 'Note' && typeof v === 'string' && v.length > NOTE_MAX) throw new SpError(400, 'Microsoft.SharePoint.SPException', `The value of ${k} is longer than ${NOTE_MAX} characters.`);
      // a column with EnforceUniqueValues: SPDuplicateValuesFoundException, "Exception to throw if and only if
      // duplicate values are found while inserting or updating items/documents in a list/document library"
      // (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ee575579(v=office.15)), over REST a 409.
      if (f.unique && v !== null && v !== '') {
        for (const other of list.items.values()) {
          if (other.id !== item.id && other.values[k] === v) throw new SpError(409, 'Microsoft.SharePoint.SPDuplicateValuesFoundException', `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${k}].`);
        }
      }
    }
    for (const [k, v] of Object.entries(values)) if (k !== '__metadata') item.values[k] = v;
  }

  private addItem(list: List, values: Record<string, unknown>): Item {
    const item: Item = { id: list.nextId, version: 1, values: {}, unique: false, assignments: new Map() };
    this.writeValues(list, item, values);
    list.nextId += 1;
    list.items.set(item.id, item);
    return item;
  }

  private select(o: Record<string, unknown>, query: Record<string, string>): Record<string, unknown> {
    if (!query.$select) return o;
    const keep = query.$select.split(',').map((s) => s.trim());
    return Object.fromEntries(Object.entries(o).filter(([k]) => keep.includes(k) || k.startsWith('odata.')));
  }

  private itemJson(list: List, item: Item, query: Record<string, string>): Record<string, unknown> {
    const all: Record<string, unknown> = {
      'odata.type': `SP.Data.${list.title}ListItem`,
      'odata.etag': `"${item.version}"`,
      Id: item.id,
      ID: item.id,
      HasUniqueRoleAssignments: item.unique,
      ...Object.fromEntries([...list.fields.keys()].map((k) => [k, item.values[k] ?? null])),
    };
    if (!query.$select) delete all.HasUniqueRoleAssignments;
    return this.select(all, query);
  }

  private queryItems(list: List, path: string, query: Record<string, string>): Record<string, unknown> {
    const top = query.$top ? Number(query.$top) : 100;
    if (!(top >= 1 && top <= 5000)) throw new SpError(400, 'Microsoft.SharePoint.SPException', 'The $top value must be between 1 and 5000.');
    const indexed = new Set(['Id', 'ID', ...[...list.fields.values()].filter((f) => f.indexed).map((f) => f.name)]);
    // The list view threshold: a condition or sort on an unindexed column scans every row, which SharePoint
    // refuses on a list past 5,000 items (see the header); below it, it answers (and we note the query).
    const unindexed = (fields: string[]): void => {
      const bad = fields.filter((f) => !indexed.has(f));
      if (bad.length === 0) return;
      if (list.items.size > LIST_VIEW_THRESHOLD) {
        throw new SpError(500, 'Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.');
      }
      this.unindexedQueries.push({ list: list.title, fields: bad });
    };
    let rows = [...list.items.values()];
    if (query.$filter) {
      const expr = parseFilter(query.$filter);
      unindexed(filterFields(expr));
      rows = rows.filter((it) => evaluate(expr, { ...it.values, Id: it.id, ID: it.id }));
    }
    const order = (query.$orderby ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [field, dir] = s.split(/\s+/);
        unindexed([field!]);
        return { field: field!, desc: dir?.toLowerCase() === 'desc' };
      });
    const val = (it: Item, f: string): string | number => (f === 'Id' || f === 'ID' ? it.id : (it.values[f] as string | number) ?? '');
    rows.sort((a, b) => {
      for (const o of order) {
        const x = val(a, o.field);
        const y = val(b, o.field);
        if (x !== y) return (x < y ? -1 : 1) * (o.desc ? -1 : 1);
      }
      return a.id - b.id;
    });
    let start = 0;
    const skip = query.$skiptoken?.match(/p_ID=(\d+)/);
    if (skip) start = rows.findIndex((r) => r.id === Number(skip[1])) + 1;
    const page = rows.slice(start, start + top);
    const out: Record<string, unknown> = { value: page.map((it) => this.itemJson(list, it, query)) };
    if (start + top < rows.length) {
      const q = new URLSearchParams({ ...query, $skiptoken: `Paged=TRUE&p_ID=${page[page.length - 1]!.id}` });
      out['odata.nextLink'] = `${this.siteUrl}/_api/${encodeURI(path)}?${q.toString()}`;
    }
    return out;
  }
}
