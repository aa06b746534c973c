import { GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { ACCESS_LINK_PATH, type AccessLinkInfo, type AccessLinkPurpose, type AccessLinkView } from '@resonance/contracts';
import { hashPassword } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import { AccessLinkRepository, newToken, type StoredAccessLink } from './access-link.repository';

export const LINK_UNKNOWN = 'this link is not valid: it was mistyped, or a newer link replaced it. Ask an admin for a new link.';
export const LINK_USED = 'this link was used already and works only once. Ask an admin for a new link.';
export const linkExpired = (at: Date) => `this link expired on ${at.toISOString()}. Ask an admin for a new link.`;
export const LINK_USER_INACTIVE = 'this account is deactivated; the link cannot be used. Ask an admin.';

/**
 * One-time links to set a password: an invitation (the user has none yet) or a reset. The admin
 * hands the link over; the password is chosen by its owner and never travels through an admin.
 */
@Injectable()
export class AccessLinksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessLinkRepository) private readonly links: AccessLinkRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A new link for the user, inside the caller's transaction. The token is in the answer only. */
  async issue(tx: EntityManager, input: { workspaceId: string; userId: string; purpose: AccessLinkPurpose; createdBy: string }): Promise<AccessLinkView> {
    const token = newToken();
    const expiresAt = await this.links.insert({ ...input, token }, tx);
    const url = new URL(ACCESS_LINK_PATH, this.config.PUBLIC_URL);
    url.hash = token;
    return { purpose: input.purpose, url: url.toString(), expiresAt: expiresAt.toISOString() };
  }

  /** Whom a link is for, or a refusal that says why it cannot be used. */
  async inspect(token: string): Promise<AccessLinkInfo> {
    const link = usable(await this.links.find(token, false));
    return { purpose: link.purpose, email: link.email, name: link.name, expiresAt: link.expiresAt.toISOString() };
  }

  /** Sets the password and uses the link up; of two parallel uses, the second finds it used. */
  async accept(input: { token: string; password: string; ip: string }): Promise<{ email: string }> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (tx) => {
      const link = usable(await this.links.find(input.token, true, tx));
      await this.links.consume(link, passwordHash, tx);
      await this.audit.record(
        {
          workspaceId: link.workspaceId,
          actorUserId: link.userId,
          action: 'user.password_set',
          targetType: 'user',
          targetId: link.userId,
          data: { via: link.purpose, ip: input.ip },
        },
        tx,
      );
      return { email: link.email };
    });
  }
}

function usable(link: StoredAccessLink | undefined): StoredAccessLink {
  if (!link) throw new NotFoundException(LINK_UNKNOWN);
  if (link.usedAt) throw new GoneException(LINK_USED);
  if (link.expired) throw new GoneException(linkExpired(link.expiresAt));
  if (!link.userActive) throw new GoneException(LINK_USER_INACTIVE);
  return link;
}
