import { Client, type ClientConfig } from 'pg';

/**
 * The pg Client of every pool Resonance opens, with an 'error' listener of its own from birth.
 *
 * pg-pool takes its idle listener off a client when it hands it out, and TypeORM puts its own on
 * one microtask later. When PostgreSQL dies, a backend that has just finished its handshake can
 * send ReadyForQuery and its FATAL "terminating connection" in the same TCP chunk: pg parses both
 * in one go, the FATAL is emitted as 'error' in between, on a client nobody listens on, and Node
 * ends the whole process (seen in the fault suite's PostgreSQL crash: api and worker died). With
 * this listener the error stays where it belongs — the client is marked broken, its next query
 * fails and is retried or answered like any other database error, and the pool drops it.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
