import { createHmac, randomUUID } from 'node:crypto';
import { json, type SimResponse } from '../../core/http';
import type { SimContext } from '../../core/network-module';
import type { LiComment } from './store';

/**
 * Organization Social Action Notifications as LinkedIn pushes them: batches of up to 10
 * notifications {notificationId, organizationalEntity, action, sourcePost, generatedActivity, …},
 * signed with X-LI-Signature = hex(HMAC-SHA256("hmacsha256=" + body, clientSecret)).
 */
const BATCH = 10;

export function signature(body: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(`hmacsha256=${body}`).digest('hex');
}

export class LinkedInWebhooks {
  private serial = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly app: { clientSecret: string },
    private readonly org: { urn: string; adminUrn: string },
  ) {}

  private url(): string | null {
    return this.ctx.settings.webhookUrl ? `${this.ctx.settings.webhookUrl.replace(/\/+$/, '')}/linkedin` : null;
  }

  /** Announces new comments (the organization's own as ADMIN_COMMENT). */
  comments(created: LiComment[]): void {
    const url = this.url();
    if (!url || !created.length) return;
    const notifications = created.map((c) => ({
      notificationId: 1_000_000 + ++this.serial,
      organizationalEntity: this.org.urn,
      action: c.actor === this.org.urn ? 'ADMIN_COMMENT' : 'COMMENT',
      sourcePost: c.post.urn,
      lastModifiedAt: c.createdAt,
      generatedActivity: c.urn,
      subscriber: this.org.adminUrn,
    }));
    for (let i = 0; i < notifications.length; i += BATCH) {
      const body = JSON.stringify({ type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS', notifications: notifications.slice(i, i + BATCH) });
      this.ctx.webhooks.send('linkedin', url, body, { 'content-type': 'application/json', 'x-li-signature': signature(body, this.app.clientSecret) });
    }
  }

  /** LinkedIn's endpoint validation against the receiver: GET ?challengeCode=<uuid>, expect the HMAC back. */
  async validate(target?: string): Promise<SimResponse> {
    const url = target ?? this.url();
    if (!url) return json(400, { error: { message: 'no webhook URL configured; pass {"url": ...}' } });
    const challengeCode = randomUUID();
    const expected = createHmac('sha256', this.app.clientSecret).update(challengeCode).digest('hex');
    const u = new URL(url);
    u.searchParams.set('challengeCode', challengeCode);
    try {
      const res = await fetch(u, { signal: AbortSignal.timeout(3_000) });
      const body = (await res.json().catch(() => null)) as { challengeCode?: string; challengeResponse?: string } | null;
      const validated = res.status === 200 && body?.challengeCode === challengeCode && body?.challengeResponse === expected;
      return json(200, {
        url,
        status: res.status,
        challengeCode,
        validated,
        ...(validated ? {} : { message: 'This URL did not pass the security challenge check' }),
      });
    } catch (error) {
      return json(200, { url, status: null, challengeCode, validated: false, error: (error as Error).message });
    }
  }
}
