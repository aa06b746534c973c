import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable, concatMap } from 'rxjs';
import { CONFIG, type Config } from '@resonance/config';
import { ReadRouter, parseLsn, withReadContext } from '@resonance/db';
import { SESSION_COOKIE } from '../auth/auth.types';
import { buildCookie, readCookie } from '../auth/cookies';
import type { HttpRequest, HttpResponse } from '../common/http';

/** The session's last write position (the primary's WAL LSN), for read-your-writes on the read replica. */
export const WRITTEN_LSN_COOKIE = 'resonance_written_lsn';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes with a read replica (libs/db read-router.ts). Every request runs in a
 * ReadContext: a request that writes reads only from the primary; a read carries the session's
 * last write position from its cookie, and the router sends it to the replica only once the
 * replica has replayed that far. After a signed-in write succeeds, the primary's position is put
 * in that cookie (one `pg_current_wal_lsn()` per write request, none per read, none for webhooks:
 * they carry no session). The cookie lives DATABASE_READ_MAX_LAG_MS (+1 s): by then the replica has
 * either replayed the write or lags beyond the bound and is not used, so it is no longer needed.
 * The cookie travels with the session, so it holds across several api copies behind a balancer.
 *
 * Without DATABASE_READ_URL this does nothing.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(ReadRouter) private readonly reads: ReadRouter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reads.enabled || context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const res = http.getResponse<HttpResponse>();
    const cookies = req.headers.cookie;
    const writes = !READS.has(req.method);
    const readContext = { primaryOnly: writes, writtenLsn: parseLsn(readCookie(cookies, WRITTEN_LSN_COOKIE)) ?? null };
    // The handler runs when the observable is subscribed: subscribing inside the context gives the handler's statements the context.
    const handled = new Observable<unknown>((subscriber) => withReadContext(readContext, () => next.handle().subscribe(subscriber)));
    if (!writes || !readCookie(cookies, SESSION_COOKIE)) return handled;
    return handled.pipe(
      concatMap(async (body: unknown) => {
        const lsn = await this.reads.writePosition();
        if (lsn && !res.headersSent) {
          const maxAgeSeconds = Math.ceil(this.config.DATABASE_READ_MAX_LAG_MS / 1000) + 1;
          res.appendHeader(
            'Set-Cookie',
            buildCookie(WRITTEN_LSN_COOKIE, lsn, { httpOnly: true, secure: this.config.PUBLIC_URL.startsWith('https:'), maxAgeSeconds }),
          );
        }
        return body;
      }),
    );
  }
}
