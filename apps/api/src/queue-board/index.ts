import type { ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Config } from '@resonance/config';
import { QUEUE_BACKEND, QUEUE_NAMES, type QueueBackend } from '@resonance/queue';
import { SessionService } from '../auth/session.service';
import type { HttpRequest } from '../common/http';
import { judgeQueueBoardRequest, refuseQueueBoard } from './queue-board-access';
import { QUEUE_BOARD_PATH } from './queue-board-path';

export { QUEUE_BOARD_PATH };

/**
 * bull-board at /admin/queues (outside /api: its own page, which the admin page links to when
 * GET /api/queue-board says so), behind judgeQueueBoardRequest. QUEUE_BOARD=off mounts nothing. On BullMQ's PostgreSQL
 * backend (no REDIS_URL) it is not mounted either: bull-board reads Redis directly.
 */
export function mountQueueBoard(
  app: INestApplication,
  config: Pick<Config, 'QUEUE_BOARD' | 'QUEUE_BOARD_WORKSPACE' | 'PUBLIC_URL'>,
): 'mounted' | 'off' | 'no-redis' {
  if (config.QUEUE_BOARD === 'off') return 'off';
  if (app.get<QueueBackend>(QUEUE_BACKEND).kind !== 'redis') return 'no-redis';
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Resonance queues' } },
  });
  const sessions = app.get(SessionService);
  app.use(QUEUE_BOARD_PATH, (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void) => {
    judgeQueueBoardRequest(req, sessions, config)
      .then((verdict) => {
        if (verdict.allow) next();
        else refuseQueueBoard(res, verdict.status, verdict.message);
      })
      .catch(next);
  });
  app.use(QUEUE_BOARD_PATH, serverAdapter.getRouter() as (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void) => void);
  return 'mounted';
}
