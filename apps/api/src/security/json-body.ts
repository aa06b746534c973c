import { BadRequestException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * No body the API takes comes near this depth (business hours are 3 levels, network webhooks
 * under 10). JSON.parse itself copes with deep nesting, but what walks the result afterwards —
 * class-transformer and the DTO validation, recursively — ran out of stack on 5,000 levels and
 * answered 500, on the unauthenticated sign-in too.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays/objects in `value` nest deeper than `limit` levels; an explicit stack, never recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ node: object; depth: number }> = [];
  if (value !== null && typeof value === 'object') stack.push({ node: value, depth: 1 });
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: object; depth: number };
    if (depth > limit) return true;
    for (const child of Object.values(node) as unknown[]) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

type RawBodyRequest = IncomingMessage & { rawBody?: Buffer; body?: unknown };
// What Nest's `rawBody: true` does: webhook signatures are computed over the exact bytes sent.
const keepRawBody = (req: RawBodyRequest, _res: ServerResponse, buffer: Buffer): void => {
  req.rawBody = buffer;
};

/**
 * The JSON and form body parsers (Express's, as Nest registers them by default, raw body kept),
 * followed at once by the depth check, so no handler or pipe ever sees a body nested deeper than
 * MAX_JSON_DEPTH. Call before any route is mounted; create the app with `bodyParser: false`.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json', { verify: keepRawBody });
  app.useBodyParser('urlencoded', { extended: true, verify: keepRawBody });
  app.use((req: RawBodyRequest, _res: ServerResponse, next: (error?: unknown) => void): void => {
    if (nestsDeeperThan(req.body, MAX_JSON_DEPTH)) {
      next(new BadRequestException(`request body is nested more than ${MAX_JSON_DEPTH} levels deep`));
      return;
    }
    next();
  });
}
