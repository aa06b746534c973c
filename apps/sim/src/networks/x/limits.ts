/**
 * X's rate limits: a window per endpoint and user (15 minutes on X; shorter when a test says so),
 * reported in x-rate-limit-limit / -remaining / -reset (epoch seconds) on every answer.
 */
export const DEFAULT_LIMITS: Record<string, number> = {
  'GET /2/users/:id/mentions': 180,
  'GET /2/users/:id/tweets': 900,
  'GET /2/tweets/search/recent': 180,
  'GET /2/tweets/:id': 900,
  'GET /2/dm_events': 300,
  'GET /2/dm_conversations/with/:id/dm_events': 300,
  'GET /2/dm_conversations/:id/dm_events': 300,
  'GET /2/users/me': 75,
  'GET /2/tweets': 900,
  'GET /2/users': 900,
  'GET /2/users/:id': 900,
  'GET /2/users/by': 900,
  'GET /2/users/by/username/:username': 900,
  'POST /2/tweets': 200,
  'POST /2/dm_conversations/with/:id/messages': 200,
  'POST /2/dm_conversations/:id/messages': 200,
  'PUT /2/tweets/:id/hidden': 50,
  'POST /2/users/:id/likes': 200,
  'DELETE /2/users/:id/likes/:tweet_id': 100,
  'DELETE /2/tweets/:id': 50,
  'GET /2/users/:id/liked_tweets': 75,
  // Retweets: 50 per user and 15 minutes for the writes, 75 for the lookups (docs.x.com rate limits).
  'POST /2/users/:id/retweets': 50,
  'DELETE /2/users/:id/retweets/:source_tweet_id': 50,
  'GET /2/tweets/:id/retweeted_by': 75,
  'GET /2/tweets/:id/retweets': 75,
};

interface Window {
  start: number;
  used: number;
}

export class XRateLimits {
  limits: Record<string, number> = { ...DEFAULT_LIMITS };
  windowMs = 15 * 60_000;
  private readonly windows = new Map<string, Window>();

  private window(endpoint: string, userId: string, now: number): Window {
    const key = `${endpoint}|${userId}`;
    let w = this.windows.get(key);
    if (!w || now >= w.start + this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  /** Counts one call; `allowed` is false when the window was already spent. */
  take(endpoint: string, userId: string, now: number): { allowed: boolean; headers: Record<string, string> } {
    const w = this.window(endpoint, userId, now);
    const limit = this.limits[endpoint] ?? 300;
    const allowed = w.used < limit;
    if (allowed) w.used += 1;
    return { allowed, headers: this.headersOf(w, limit) };
  }

  /** The window's headers as they stand, spent (a storm: the network says no calls are left). */
  spent(endpoint: string, userId: string, now: number): Record<string, string> {
    const w = this.window(endpoint, userId, now);
    const limit = this.limits[endpoint] ?? 300;
    return this.headersOf({ ...w, used: limit }, limit);
  }

  private headersOf(w: Window, limit: number): Record<string, string> {
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - w.used)),
      'x-rate-limit-reset': String(Math.ceil((w.start + this.windowMs) / 1000)),
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
