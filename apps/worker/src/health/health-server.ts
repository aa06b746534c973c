import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { serveMetrics } from '@resonance/runtime';
import { workerRegistry } from './worker-metrics';
import { WorkerProbes } from './worker-probes';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * The worker's one HTTP port (WORKER_HEALTH_PORT; none when unset — the worker is otherwise no
 * HTTP server): GET /livez (the process answers), GET /readyz (200 when PostgreSQL, the queue
 * backend and every processor are up, else 503 naming what is down) and GET /metrics (bearer
 * METRICS_TOKEN). It listens from module init, before the processors start, so a probe during a
 * slow start gets "alive, not ready" instead of no answer.
 */
@Injectable()
export class WorkerHealthServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(WorkerProbes) private readonly probes: WorkerProbes,
  ) {}

  async onModuleInit(): Promise<void> {
    const port = this.config.WORKER_HEALTH_PORT;
    if (port === undefined) return;
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.logger.error({ err: error }, 'health request failed');
        if (!res.headersSent) json(res, 500, { status: 'error' });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.WORKER_HEALTH_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`health and metrics on http://${this.config.WORKER_HEALTH_HOST}:${this.port()}/ (livez, readyz, metrics)`);
  }

  /** The port listened on (WORKER_HEALTH_PORT=0 takes any free one), or undefined without one. */
  port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      json(res, 405, { statusCode: 405, message: 'GET only' });
      return;
    }
    if (path === '/livez') {
      json(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/readyz') {
      const readiness = await this.probes.readiness();
      json(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ok' : 'error', ...readiness.checks });
      return;
    }
    if (path === '/metrics') {
      await serveMetrics(req, res, workerRegistry, this.config.METRICS_TOKEN);
      return;
    }
    json(res, 404, { statusCode: 404, message: 'GET /livez, /readyz or /metrics' });
  }
}
