import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import {
  cannedRenderContext,
  deleteCannedResponse,
  getCannedResponse,
  insertCannedResponse,
  listCannedResponses,
  updateCannedResponse,
  type ICannedRenderContextResult,
  type IGetCannedResponseResult,
} from './canned-responses.queries';

/** A canned response row (every statement answers these columns). */
export type CannedResponseRow = IGetCannedResponseResult;

/** What an update changes; undefined leaves a field as it is, null clears shortcut or language. */
export interface CannedResponseChanges {
  title?: string;
  text?: string;
  shortcut?: string | null;
  language?: string | null;
}

/** All SQL of canned responses (canned-responses.sql, typed by pgTyped in canned-responses.queries.ts). */
@Injectable()
export class CannedResponsesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The workspace's responses by title; `like` an ILIKE pattern or null for all. */
  list(workspaceId: string, like: string | null, limit: number, db: Queryable = this.dataSource): Promise<CannedResponseRow[]> {
    return listCannedResponses.run({ workspaceId, like, limit }, sqlClient(db));
  }

  async get(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<CannedResponseRow | undefined> {
    const [row] = await getCannedResponse.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  async insert(
    r: { workspaceId: string; title: string; text: string; shortcut: string | null; language: string | null; createdBy: string },
    db: Queryable = this.dataSource,
  ): Promise<CannedResponseRow> {
    const [row] = await insertCannedResponse.run(r, sqlClient(db));
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return row;
  }

  /** The changed row; undefined when it is not the workspace's. */
  async update(workspaceId: string, id: string, c: CannedResponseChanges, db: Queryable = this.dataSource): Promise<CannedResponseRow | undefined> {
    const [row] = await updateCannedResponse.run(
      {
        workspaceId,
        id,
        setTitle: c.title !== undefined,
        title: c.title ?? null,
        setText: c.text !== undefined,
        text: c.text ?? null,
        setShortcut: c.shortcut !== undefined,
        shortcut: c.shortcut ?? null,
        setLanguage: c.language !== undefined,
        language: c.language ?? null,
      },
      sqlClient(db),
    );
    return row;
  }

  /** false when it is not the workspace's. */
  async delete(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await deleteCannedResponse.run({ workspaceId, id }, sqlClient(db))).length > 0;
  }

  /** The response's text and the thread's variables; undefined when the response is not the workspace's. */
  async renderContext(workspaceId: string, id: string, threadId: string, db: Queryable = this.dataSource): Promise<ICannedRenderContextResult | undefined> {
    const [row] = await cannedRenderContext.run({ workspaceId, id, threadId }, sqlClient(db));
    return row;
  }
}
