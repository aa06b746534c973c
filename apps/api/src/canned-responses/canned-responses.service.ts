import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toIso, type CannedResponse, type RenderedCannedResponse } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { renderTemplate, type CannedQuery, type CannedResponseBody, type RenderBody, type UpdateCannedResponseBody } from './canned-responses.dto';

const COLUMNS = `id, title, text, shortcut, language, updated_at AS "updatedAt"`;

/** A row of COLUMNS as the driver gives it (updated_at as a Date). */
interface CannedResponseRow extends Omit<CannedResponse, 'updatedAt'> {
  updatedAt: Date;
}

/** The one place a canned_response row becomes the wire's CannedResponse. */
const toCannedResponse = ({ updatedAt, ...row }: CannedResponseRow): CannedResponse => ({ ...row, updatedAt: toIso(updatedAt) });

/** The workspace's canned responses: their SQL, audit and rendering for one thread. */
@Injectable()
export class CannedResponsesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, q: CannedQuery): Promise<CannedResponse[]> {
    const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM canned_response
        WHERE workspace_id = $1 AND ($2::text IS NULL OR title ILIKE $2 OR shortcut ILIKE $2 OR text ILIKE $2)
        ORDER BY title, id LIMIT $3`,
      [user.workspaceId, like, q.limit ?? 200],
    )) as CannedResponseRow[];
    return rows.map(toCannedResponse);
  }

  async get(user: AuthUser, id: string): Promise<CannedResponse> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM canned_response WHERE id = $1 AND workspace_id = $2`, [id, user.workspaceId])) as CannedResponseRow[];
    if (!row) throw new NotFoundException(`canned response ${id} not found`);
    return toCannedResponse(row);
  }

  async create(user: AuthUser, body: CannedResponseBody): Promise<CannedResponse> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO canned_response (workspace_id, title, text, shortcut, language, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [user.workspaceId, body.title, body.text, body.shortcut ?? null, body.language ?? null, user.id],
    )) as CannedResponseRow[];
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'canned_response.create', targetType: 'canned_response', targetId: row.id });
    return toCannedResponse(row);
  }

  async update(user: AuthUser, id: string, body: UpdateCannedResponseBody): Promise<CannedResponse> {
    const fields = (['title', 'text', 'shortcut', 'language'] as const).filter((f) => body[f] !== undefined);
    if (!fields.length) throw new BadRequestException('nothing to change');
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE canned_response SET ${fields.map((f, i) => `${f} = $${i + 3}`).join(', ')}, updated_at = now()
                   WHERE id = $1 AND workspace_id = $2 RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [id, user.workspaceId, ...fields.map((f) => body[f])],
    )) as CannedResponseRow[];
    if (!rows.length) throw new NotFoundException(`canned response ${id} not found`);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'canned_response.update', targetType: 'canned_response', targetId: id, data: { fields } });
    return toCannedResponse(rows[0]);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const rows = (await this.dataSource.query(`WITH d AS (DELETE FROM canned_response WHERE id = $1 AND workspace_id = $2 RETURNING id) SELECT id FROM d`, [id, user.workspaceId])) as unknown[];
    if (!rows.length) throw new NotFoundException(`canned response ${id} not found`);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'canned_response.delete', targetType: 'canned_response', targetId: id });
  }

  async render(user: AuthUser, id: string, body: RenderBody): Promise<RenderedCannedResponse> {
    const [row] = (await this.dataSource.query(
      `SELECT cr.text, c.name AS contact_name, c.handle AS contact_handle, ca.display_name AS channel_name, t.network
         FROM canned_response cr
         LEFT JOIN thread t ON t.id = $3 AND t.workspace_id = $2
         LEFT JOIN contact c ON c.id = t.contact_id
         LEFT JOIN channel_account ca ON ca.id = t.channel_account_id
        WHERE cr.id = $1 AND cr.workspace_id = $2`,
      [id, user.workspaceId, body.threadId],
    )) as Array<{ text: string; contact_name: string | null; contact_handle: string | null; channel_name: string | null; network: string | null }>;
    if (!row) throw new NotFoundException(`canned response ${id} not found`);
    if (!row.network) throw new NotFoundException(`thread ${body.threadId} not found`);
    return {
      text: renderTemplate(row.text, {
        'contact.name': row.contact_name ?? row.contact_handle,
        'contact.handle': row.contact_handle,
        'agent.name': user.name,
        'channel.name': row.channel_name,
        network: row.network,
      }),
    };
  }
}
