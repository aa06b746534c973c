import type { ServerResponse } from 'node:http';
import type { Histogram } from 'prom-client';
import type { HttpRequest } from '../common/http';

/** What Express leaves on a request it routed: the mount path and the matched route's template. */
interface RoutedRequest extends HttpRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

/** Requests no route matched (the dashboard's static files, 404s) share one label: raw paths would grow the series without bound. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route template of a finished request, e.g. /api/threads/:id; never the raw path. */
export function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

/** Express-style middleware timing every request until its response is finished (or the client went away). */
export function httpMetricsMiddleware(histogram: Histogram<'method' | 'route' | 'status_code'>) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const end = histogram.startTimer();
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      end({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}
