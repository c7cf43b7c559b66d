/**
 * The Atrium scripts SDK: what a module gets from `import { … } from 'atrium'`.
 *
 * Every call runs as the person the script runs for (in a process, as the process's service
 * identity), is checked against their permissions exactly as the same call through the REST API
 * is, and writes the same audit entries. Values cross as JSON: dates are ISO-8601 strings, money
 * is `{ value: string, currency: string }`.
 */
declare module 'atrium' {
  /** The values of an item's fields, by field code. */
  export type Values = { [field: string]: unknown };

  export interface Item {
    id: string;
    /** Counts the item's changes; pass it to `update` to refuse a write over someone else's. */
    version: number;
    appVersion: number;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
    values: Values;
  }

  /** The typed filter model of the REST API's search. */
  export type Filter =
    | { all: Filter[] }
    | { any: Filter[] }
    | { text: string }
    | { field: string; op: 'eq'; value: unknown }
    | { field: string; op: 'in'; values: unknown[] }
    | { field: string; op: 'range'; from?: unknown; to?: unknown }
    | { field: string; op: 'contains'; value: string }
    | { field: string; op: 'empty' | 'notEmpty' };

  export interface SearchQuery {
    filter?: Filter;
    /** A field code, or `createdAt` (the default). */
    sort?: string;
    descending?: boolean;
    /** 1 to 200; 50 by default. */
    limit?: number;
    /** The `next` of the page before. */
    after?: string;
  }

  export interface Page {
    items: Item[];
    /** Pass as `after` for the next page; null on the last one. */
    next: string | null;
  }

  export interface ItemsApi {
    /** The item, or null if there is none the caller may see. */
    get(app: string, id: string): Item | null;
    search(app: string, query?: SearchQuery): Page;
    create(app: string, values: Values): Item;
    /** Changes the fields named; `version` (if given) must be the item's current one. */
    update(app: string, id: string, changes: Values, version?: number): Item;
    delete(app: string, id: string, version?: number): Item;
  }

  export interface FetchInit {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    headers?: { [name: string]: string };
    /** A string is sent as it is; anything else as JSON. */
    body?: unknown;
    /** 1 to 30,000 ms; 10,000 by default. */
    timeoutMs?: number;
  }

  export interface HttpResponse {
    status: number;
    ok: boolean;
    headers: { [name: string]: string };
    /** The body as text (at most 1 MB). */
    text: string;
    /** The body parsed as JSON. */
    json<T = unknown>(): T;
  }

  /**
   * Outbound HTTP. Loopback, private, link-local and cloud-metadata addresses are refused unless
   * an administrator allows them (`atrium.outbound.allowed-hosts`); redirects are not followed.
   */
  export interface HttpApi {
    fetch(url: string, init?: FetchInit): HttpResponse;
  }

  export interface User {
    username: string;
    displayName: string;
    groups: string[];
    roles: string[];
  }

  export interface UsersApi {
    get(username: string): User | null;
    inGroup(username: string, group: string): boolean;
    members(group: string): User[];
  }

  export interface NotificationsApi {
    /** Puts a notification in the user's bell; `link` is a path in the app, e.g. `/apps/sales/deals/…`. */
    notify(username: string, title: string, body?: string, link?: string): void;
  }

  export interface LogApi {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export interface ProcessesApi {
    /** Starts the current version of `workspace/code`. */
    start(process: string, variables?: Values): { key: string };
    /** Publishes a message that a waiting process (or a message start event) correlates. */
    publishMessage(name: string, correlationKey: string, variables?: Values): void;
  }

  export interface SessionsApi {
    /** Sends a text to the customer of a contact-center session. */
    send(session: string, text: string): void;
  }

  /** What the script runs for. */
  export interface CallContext {
    /** How it was started: `run`, `form`, `button`, `process`, `schedule` or `bot`. */
    binding: string;
    user: { username: string; roles: string[]; groups: string[] };
    /** `workspace/app` of the item, when the script runs for one. */
    app: string | null;
    item: Item | null;
    /** In a process: the variables the script task was given. */
    variables: Values;
    session: string | null;
  }

  export const context: CallContext;
  export const items: ItemsApi;
  export const http: HttpApi;
  export const users: UsersApi;
  export const notifications: NotificationsApi;
  export const log: LogApi;
  export const processes: ProcessesApi;
  export const sessions: SessionsApi;

  /** Thrown by the SDK when the platform refuses a call; `field` names the value at fault, if one. */
  export class AtriumError extends Error {
    readonly code: string;
    readonly field: string | null;
  }

  /** Throw it (or call `refuse`) before a save to refuse it with a message on the field. */
  export class Refusal extends Error {
    constructor(field: string, message: string);
    readonly field: string;
  }

  export function refuse(field: string, message: string): never;
}

/** `console` writes to the SDK's log: `log` and `info`, `debug` as info, `warn` and `error` as theirs. */
declare var console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  debug(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
};
