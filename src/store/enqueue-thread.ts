/**
 * SQLite deliveries written on a thread of their own. better-sqlite3 is synchronous: a group's
 * insert and commit (the WAL write, the disk sync, now and then a checkpoint) would stop the event
 * loop, and with it every webhook being answered. The thread has its own connection to the same
 * file, with SQLite's default durability (the WAL synced at every commit): the worker's reads never
 * wait for it (WAL), and its write lock is held for one group at a time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WAL_CHECKPOINT_PAGES } from './create-dialect.js';

/** The deliveries columns the thread writes (the rest take their defaults). */
export interface ThreadRow {
  id: string;
  name: string;
  action: string | null;
  work_key: string | null;
  payload: string;
  status: string;
  next_attempt_at: string;
  received_at: string;
}

export interface EnqueueThread {
  /** Inserts the rows in one transaction; true for each row that was new (a repeated id: false). */
  insert(rows: ThreadRow[]): Promise<boolean[]>;
  /** Ends the thread once it has written what it was sent; later inserts are refused. */
  close(): Promise<void>;
}

// Plain CommonJS run by the thread (`eval`), so it needs no file of its own beside the bundles.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const message = (error) => String((error && error.message) || error);
let db = null;
let insertAll = null;
let startError = null;
try {
  db = new (require(workerData.driver))(workerData.path);
  // The worker's claims hold the write lock for a millisecond or so; waiting here blocks no answer.
  db.pragma('busy_timeout = 60000');
  db.pragma('wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}');
  const insert = db.prepare('insert into deliveries (id, name, action, work_key, payload, status, next_attempt_at, received_at) '
    + 'values (@id, @name, @action, @work_key, @payload, @status, @next_attempt_at, @received_at) on conflict (id) do nothing');
  insertAll = db.transaction((rows) => rows.map((row) => insert.run(row).changes > 0));
} catch (error) {
  startError = message(error);
}
parentPort.on('message', (request) => {
  if (request === 'close' || startError) {
    // A thread that could not open the file says why and ends; the next write starts a new one.
    if (startError && request !== 'close') parentPort.postMessage({ seq: request.seq, error: startError, ending: true });
    if (db) db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ seq: request.seq, inserted: insertAll.immediate(request.rows) });
  } catch (error) {
    parentPort.postMessage({ seq: request.seq, error: message(error) });
  }
});
`;

interface Pending {
  resolve: (inserted: boolean[]) => void;
  reject: (error: Error) => void;
  /** The thread the rows went to: only its own end fails them. */
  thread: Worker;
}

/** A thread writing deliveries to the SQLite file at `path`: started on the first insert, and again after a crash. */
export function createEnqueueThread(path: string): EnqueueThread {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let closed = false;
  let seq = 0;
  const settle = (id: number, outcome: { inserted: boolean[] } | { error: Error }) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    // An idle thread does not keep the process alive; one with work in flight does.
    if (pending.size === 0) worker?.unref();
    if ('inserted' in outcome) waiting.resolve(outcome.inserted);
    else waiting.reject(outcome.error);
  };
  const failAll = (thread: Worker, error: Error) => {
    for (const [id, p] of [...pending]) if (p.thread === thread) settle(id, { error });
  };
  const start = (): Worker => {
    const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver, path } });
    thread.on('message', (reply: { seq: number; inserted?: boolean[]; error?: string; ending?: boolean }) => {
      // A thread that is ending takes no more writes: the next one goes to a new thread.
      if (reply.ending && worker === thread) worker = null;
      settle(reply.seq, reply.inserted ? { inserted: reply.inserted } : { error: new Error(`Could not record the delivery in ${path}: ${reply.error}`) });
    });
    thread.on('error', (error) => failAll(thread, new Error(`The SQLite writer thread failed: ${String(error?.message ?? error)}`, { cause: error })));
    thread.on('exit', () => {
      if (worker === thread) worker = null;
      failAll(thread, new Error('The SQLite writer thread stopped before it answered; the delivery was not recorded.'));
    });
    return thread;
  };
  return {
    insert(rows) {
      if (closed) return Promise.reject(new Error('The store is closed; the delivery was not recorded.'));
      worker ??= start();
      worker.ref();
      const thread = worker;
      return new Promise<boolean[]>((resolve, reject) => {
        const id = ++seq;
        pending.set(id, { resolve, reject, thread });
        thread.postMessage({ seq: id, rows });
      });
    },
    async close() {
      closed = true;
      const thread = worker;
      worker = null;
      if (!thread) return;
      await new Promise<void>((resolve) => {
        thread.once('exit', () => resolve());
        thread.postMessage('close');
      });
    },
  };
}
