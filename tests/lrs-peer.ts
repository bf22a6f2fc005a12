/**
 * TEST-ONLY. A small loopback Learning Record Store double for Langkah's tests
 * and bench (issue 17). It is not an LRS: it keeps statements in memory, answers
 * only the Statement Resource rules Langkah's outbox relies on, and must never
 * ship or be used against real data. For a real LRS see docs/admin/lrs.md.
 *
 * What it implements (xAPI 1.0.3 Part Three, "Statement Resource"):
 * - HTTP Basic auth (one key and secret) → 401 otherwise;
 * - `X-Experience-API-Version: 1.0.x` → 400 without it;
 * - `POST …/statements` with one statement or an array (a batch):
 *   - every statement must pass @learninglocker/xapi-validation → 400 naming the bad one;
 *   - two statements with the same id in one batch → 400;
 *   - an id it already stores: with other content → 409; with the same content
 *     it is not stored again (204 when the whole batch was known, else 200 with
 *     the ids). `strictConflicts` makes any known id answer 409, as some LRSs do;
 *   - a batch is stored whole or not at all;
 * - CORS preflight (`OPTIONS`) and `Access-Control-Allow-Origin` on answers.
 *
 * It can be told to be down (connections cut), slow, to answer 500 or 401.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as xapiValidation from '@learninglocker/xapi-validation';

type Validate = (statement: unknown) => { path: string[]; constructor: { name: string } }[];
/** Learning Locker's statement validator (CommonJS: its default export sits one level deeper under some loaders). */
export const validateStatement: Validate = (() => {
  const mod = xapiValidation as unknown as { default?: Validate | { default?: Validate } };
  const first = mod.default;
  return (typeof first === 'function' ? first : first?.default) as Validate;
})();

export type PeerMode = 'up' | 'down' | '500' | '401';

export interface PeerPost {
  /** When it was answered (or cut). */
  at: number;
  /** Its place in the order of arrival (1 for the first POST; `received` counts them). */
  arrival: number;
  ids: string[];
  status: number | 'cut';
  /** The client closed the connection before the answer was written (e.g. its worker was stopped). */
  abandoned: boolean;
}

export interface LrsPeerOptions {
  key?: string;
  secret?: string;
  port?: number;
  /** Any batch holding a known id answers 409 (stores nothing). */
  strictConflicts?: boolean;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, PUT, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Expose-Headers': 'X-Experience-API-Version',
  'Access-Control-Max-Age': '600',
};

/** A stable text of a JSON value (keys sorted), to tell "the same statement" from "the same id, other content". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export class LrsPeer {
  readonly key: string;
  readonly secret: string;
  mode: PeerMode = 'up';
  /** Extra delay before each answer. */
  delayMs = 0;
  strictConflicts: boolean;
  /** Stored statements by id, in the order they were stored. */
  readonly statements = new Map<string, { statement: unknown; canonical: string }>();
  /** Every POST to the Statement Resource, with its answer. */
  readonly posts: PeerPost[] = [];
  /** How many times a statement it already had arrived again (a re-send after a lost answer). */
  repeats = 0;
  /** POSTs to the Statement Resource begun (counted on arrival, before any delay or answer). */
  received = 0;
  private server: Server;
  private sockets = new Set<Socket>();
  private port: number;
  private waiters: (() => void)[] = [];

  constructor({
    key = 'langkah-test',
    secret = 'rahasia-uji',
    port = 0,
    strictConflicts = false,
  }: LrsPeerOptions = {}) {
    this.key = key;
    this.secret = secret;
    this.port = port;
    this.strictConflicts = strictConflicts;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(this.port, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The xAPI endpoint, e.g. `http://127.0.0.1:41234/xapi/`. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/xapi/`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** Resolves once `predicate` holds after some request (checked now and after each one). */
  async waitFor(predicate: (peer: this) => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = this.posts.at(-1);
        throw new Error(
          `lrs-peer: ${predicate.toString()} not met in ${timeoutMs} ms (statements ${this.statements.size}, ` +
            `posts ${this.posts.length}, last answer ${last?.status ?? 'none'}, mode ${this.mode})`,
        );
      }
      await new Promise<void>((done) => {
        const timer = setTimeout(done, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  private notify() {
    const waiting = this.waiters.splice(0);
    for (const w of waiting) w();
  }

  private answer(res: ServerResponse, status: number, body?: unknown) {
    res.writeHead(status, {
      ...CORS,
      'X-Experience-API-Version': '1.0.3',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let abandoned = false;
    res.on('close', () => {
      if (!res.writableFinished) abandoned = true;
    });
    const arrival = req.method === 'POST' ? this.received + 1 : 0;
    if (req.method === 'POST') {
      this.received += 1;
      this.notify();
    }
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isStatements = url.pathname === '/xapi/statements';
    const record = (ids: string[], status: number | 'cut') => {
      if (isStatements && req.method === 'POST') this.posts.push({ at: Date.now(), arrival, ids, status, abandoned });
    };
    const idsOf = (): string[] => {
      try {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        return (Array.isArray(parsed) ? parsed : [parsed]).map((s) => String((s as { id?: unknown })?.id));
      } catch {
        return [];
      }
    };
    try {
      if (this.mode === 'down') {
        record(idsOf(), 'cut');
        req.socket.destroy();
        return;
      }
      if (req.method === 'OPTIONS') return this.answer(res, 204);
      if (url.pathname === '/xapi/about' && req.method === 'GET') return this.answer(res, 200, { version: ['1.0.3'] });
      if (!isStatements) return this.answer(res, 404, { error: 'not found' });
      if (req.method !== 'POST') return this.answer(res, 405, { error: 'only POST in this double' });
      const ids = idsOf();
      if (this.mode === '500') {
        record(ids, 500);
        return this.answer(res, 500, { error: 'told to fail' });
      }
      const expected = `Basic ${Buffer.from(`${this.key}:${this.secret}`).toString('base64')}`;
      if (this.mode === '401' || req.headers.authorization !== expected) {
        record(ids, 401);
        return this.answer(res, 401, { error: 'bad credentials' });
      }
      if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? ''))) {
        record(ids, 400);
        return this.answer(res, 400, { error: 'X-Experience-API-Version 1.0.x required' });
      }
      const status = this.store(Buffer.concat(chunks).toString('utf8'));
      record(ids, status.code);
      return this.answer(res, status.code, status.body);
    } finally {
      this.notify();
    }
  }

  private store(text: string): { code: number; body?: unknown } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { code: 400, body: { error: 'body is not JSON' } };
    }
    const batch = Array.isArray(parsed) ? parsed : [parsed];
    if (batch.length === 0) return { code: 400, body: { error: 'empty batch' } };
    const seen = new Set<string>();
    for (const [i, statement] of batch.entries()) {
      const problems = validateStatement(statement);
      if (problems.length > 0) {
        const what = problems.map((w) => `${w.path.join('.')}: ${w.constructor.name}`).join('; ');
        return { code: 400, body: { error: `statement ${i} is invalid: ${what}` } };
      }
      const id = (statement as { id?: string }).id;
      if (typeof id !== 'string')
        return { code: 400, body: { error: `statement ${i} has no id (this double needs one)` } };
      if (seen.has(id)) return { code: 400, body: { error: `id ${id} twice in one batch` } };
      seen.add(id);
    }
    const fresh: { id: string; statement: unknown; canonical: string }[] = [];
    for (const statement of batch) {
      const id = (statement as { id: string }).id;
      const known = this.statements.get(id);
      const text = canonical(statement);
      if (known && (this.strictConflicts || known.canonical !== text)) {
        return { code: 409, body: { error: `statement ${id} exists` } };
      }
      if (known) this.repeats += 1;
      else fresh.push({ id, statement, canonical: text });
    }
    for (const f of fresh) this.statements.set(f.id, { statement: f.statement, canonical: f.canonical });
    return fresh.length === 0 ? { code: 204 } : { code: 200, body: batch.map((s) => (s as { id: string }).id) };
  }
}

/** Starts a peer on a free loopback port. */
export function startLrsPeer(options: LrsPeerOptions = {}): Promise<LrsPeer> {
  return new LrsPeer(options).start();
}
