import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the read router must know of the request a statement belongs to, carried by the request's
 * async context (the api sets it per request; see apps/api/src/read-routing) so repositories need
 * no extra parameter.
 */
export interface ReadContext {
  /** A request that writes reads what it wrote: every statement of it goes to the primary. */
  primaryOnly: boolean;
  /** The primary's WAL position after this session's last write (its cookie); the replica serves only once it has replayed it. */
  writtenLsn: bigint | null;
}

const storage = new AsyncLocalStorage<ReadContext>();

/** Runs `fn` (and everything it starts) with `context`. */
export function withReadContext<T>(context: ReadContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the running request; undefined outside one (worker, cli, tests calling a repository). */
export function currentReadContext(): ReadContext | undefined {
  return storage.getStore();
}

/** A PostgreSQL LSN ("16/B374D848": two 32-bit hex halves) as one comparable number; undefined when malformed. */
export function parseLsn(text: string | null | undefined): bigint | undefined {
  if (!text) return undefined;
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
