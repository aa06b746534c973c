import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCESS_LINK_DAYS, ACCESS_LINK_PURPOSES, type AccessLinkPurpose } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import { oneOf } from '../common/narrow';
import { deleteUnusedLinks, endUserSessions, findLink, insertLink, lockLink, setLinkPassword, useLink, type IFindLinkResult } from './access-links.queries';

/** What the database knows about a presented token: the link and its user. */
export type StoredAccessLink = Omit<IFindLinkResult, 'purpose'> & { purpose: AccessLinkPurpose };

/** 32 random bytes, URL-safe: the secret of a link. Only its SHA-256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** All SQL of user_access_link (access-links.sql, typed by pgTyped in access-links.queries.ts). */
@Injectable()
export class AccessLinkRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A new link for the user; the user's earlier unused links stop working (one live link per user). Answers its expiry. */
  async insert(
    input: { workspaceId: string; userId: string; purpose: AccessLinkPurpose; createdBy: string | null; token: string },
    tx: Queryable,
  ): Promise<Date> {
    await deleteUnusedLinks.run({ userId: input.userId }, sqlClient(tx));
    const [row] = await insertLink.run(
      {
        workspaceId: input.workspaceId,
        userId: input.userId,
        purpose: input.purpose,
        tokenHash: tokenHash(input.token),
        createdBy: input.createdBy,
        days: ACCESS_LINK_DAYS,
      },
      sqlClient(tx),
    );
    return row.expiresAt;
  }

  /** The link of a token, or undefined; `lock` holds its row until the transaction `db` ends (single use). */
  async find(token: string, lock: boolean, db: Queryable = this.dataSource): Promise<StoredAccessLink | undefined> {
    const [row] = await (lock ? lockLink : findLink).run({ tokenHash: tokenHash(token) }, sqlClient(db));
    return row && { ...row, purpose: oneOf(ACCESS_LINK_PURPOSES, row.purpose, 'user_access_link.purpose') };
  }

  /** Sets the password, uses the link up and ends the user's sessions (a reset locks out whoever had them). */
  async consume(link: StoredAccessLink, passwordHash: string, tx: Queryable): Promise<void> {
    await setLinkPassword.run({ userId: link.userId, passwordHash }, sqlClient(tx));
    await useLink.run({ id: link.id }, sqlClient(tx));
    await endUserSessions.run({ userId: link.userId }, sqlClient(tx));
  }
}
