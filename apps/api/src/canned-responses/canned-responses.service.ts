import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { fillTemplate, firstNameOf, toIso, type CannedResponse, type RenderedCannedResponse } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { type CannedQuery, type CannedResponseBody, type RenderBody, type UpdateCannedResponseBody } from './canned-responses.dto';
import { CannedResponsesRepository, type CannedResponseRow } from './canned-responses.repository';

/** The one place a canned_response row becomes the wire's CannedResponse. */
function toCannedResponse(row: CannedResponseRow): CannedResponse {
  return { id: row.id, title: row.title, text: row.text, shortcut: row.shortcut, language: row.language, updatedAt: toIso(row.updatedAt) };
}

/** The workspace's canned responses: their rules, audit and rendering for one thread (SQL in CannedResponsesRepository). */
@Injectable()
export class CannedResponsesService {
  constructor(
    @Inject(CannedResponsesRepository) private readonly responses: CannedResponsesRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, q: CannedQuery): Promise<CannedResponse[]> {
    const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return (await this.responses.list(user.workspaceId, like, q.limit ?? 200)).map(toCannedResponse);
  }

  async get(user: AuthUser, id: string): Promise<CannedResponse> {
    const row = await this.responses.get(user.workspaceId, id);
    if (!row) throw new NotFoundException(`canned response ${id} not found`);
    return toCannedResponse(row);
  }

  async create(user: AuthUser, body: CannedResponseBody): Promise<CannedResponse> {
    const row = await this.responses.insert({
      workspaceId: user.workspaceId,
      title: body.title,
      text: body.text,
      shortcut: body.shortcut ?? null,
      language: body.language ?? null,
      createdBy: user.id,
    });
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'canned_response.create',
      targetType: 'canned_response',
      targetId: row.id,
    });
    return toCannedResponse(row);
  }

  async update(user: AuthUser, id: string, body: UpdateCannedResponseBody): Promise<CannedResponse> {
    const fields = (['title', 'text', 'shortcut', 'language'] as const).filter((f) => body[f] !== undefined);
    if (!fields.length) throw new BadRequestException('nothing to change');
    const row = await this.responses.update(user.workspaceId, id, { title: body.title, text: body.text, shortcut: body.shortcut, language: body.language });
    if (!row) throw new NotFoundException(`canned response ${id} not found`);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'canned_response.update',
      targetType: 'canned_response',
      targetId: id,
      data: { fields },
    });
    return toCannedResponse(row);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    if (!(await this.responses.delete(user.workspaceId, id))) throw new NotFoundException(`canned response ${id} not found`);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'canned_response.delete',
      targetType: 'canned_response',
      targetId: id,
    });
  }

  async render(user: AuthUser, id: string, body: RenderBody): Promise<RenderedCannedResponse> {
    const row = await this.responses.renderContext(user.workspaceId, id, body.threadId);
    if (!row) throw new NotFoundException(`canned response ${id} not found`);
    if (!row.network) throw new NotFoundException(`thread ${body.threadId} not found`);
    return {
      // A variable without value or fallback stays {{as written}}: the composer and the reply API refuse to send it.
      text: fillTemplate(row.text, {
        'contact.name': row.contactName ?? row.contactHandle,
        'contact.first_name': firstNameOf(row.contactName),
        'contact.handle': row.contactHandle,
        'agent.name': user.name,
        'channel.name': row.channelName,
        network: row.network,
      }),
    };
  }
}
