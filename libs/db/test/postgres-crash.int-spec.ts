import { createServer, type Server } from 'node:net';
import { Pool } from 'pg';
import { createDataSource } from '../src';

/** A message of PostgreSQL's wire protocol: type byte, length, body. */
const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const field = (code: string, value: string) => Buffer.from(`${code}${value}\0`, 'utf8');

/**
 * What a backend of a PostgreSQL that is going down can send a client that has just connected:
 * AuthenticationOk, ReadyForQuery and the FATAL "terminating connection due to unexpected
 * postmaster exit", all in one TCP chunk (the fault suite's PostgreSQL crash produced exactly this).
 */
function dyingPostgres(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      socket.once('data', () => {
        socket.end(
          Buffer.concat([
            message('R', Buffer.from([0, 0, 0, 0])),
            message('Z', Buffer.from('I', 'latin1')),
            message(
              'E',
              Buffer.concat([
                field('S', 'FATAL'),
                field('V', 'FATAL'),
                field('C', '57P01'),
                field('M', 'terminating connection due to unexpected postmaster exit'),
                Buffer.from([0]),
              ]),
            ),
          ]),
        );
      });
      socket.on('error', () => undefined);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('a PostgreSQL crash during a connection handshake', () => {
  let server: Server;
  beforeAll(async () => {
    server = await dyingPostgres();
  });
  afterAll(() => server?.close());

  it("fails the query that needed the connection instead of ending the process with an unhandled 'error' event", async () => {
    const { port } = server.address() as { port: number };
    // The pool exactly as TypeORM builds it for Resonance's DataSource (its `extra` goes to pg.Pool).
    const { extra } = createDataSource({ url: `postgres://postgres@127.0.0.1:${port}/resonance` }).options as { extra: Record<string, unknown> };
    const pool = new Pool({ ...extra, host: '127.0.0.1', port, user: 'postgres', database: 'resonance' });
    pool.on('error', () => undefined);
    const uncaught: Error[] = [];
    const onUncaught = (e: Error) => uncaught.push(e);
    process.prependListener('uncaughtException', onUncaught);
    try {
      // The promise form of connect, as TypeORM's obtainMasterConnection uses it: the FATAL
      // arrives before the caller's own listener is on.
      const outcome = await pool.connect().then(
        async (client) => {
          await new Promise((r) => setTimeout(r, 50));
          const answer = await client.query('SELECT 1').then(
            () => 'answered',
            (e: unknown) => `refused: ${e instanceof Error ? e.message : String(e)}`,
          );
          client.release(true);
          return answer;
        },
        (e: unknown) => `connect refused: ${e instanceof Error ? e.message : String(e)}`,
      );
      expect(outcome).toMatch(/refused/);
      expect(uncaught.map((e) => e.message)).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      await pool.end().catch(() => undefined);
    }
  });
});
