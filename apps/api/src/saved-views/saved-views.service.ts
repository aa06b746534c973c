import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { SavedView } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { savedViewFiltersJson, toSavedView } from './saved-view-item';
import type { CreateSavedViewBody, UpdateSavedViewBody } from './saved-views.dto';
import { SavedViewsRepository } from './saved-views.repository';

/** At most this many views per user (the sidebar lists them all). */
export const MAX_VIEWS_PER_USER = 50;

/**
 * Saved inbox views: each user's own, private or shared with the workspace. Everyone sees their own
 * and the shared ones; only the owner renames, changes, shares or deletes a view (a colleague's
 * shared view answers 403, anything else unknown 404). Names are unique per owner (409).
 */
@Injectable()
export class SavedViewsService {
  constructor(
    @Inject(SavedViewsRepository) private readonly views: SavedViewsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<SavedView[]> {
    return (await this.views.list(user.workspaceId, user.id)).map((row) => toSavedView(row, user.id));
  }

  async create(user: AuthUser, body: CreateSavedViewBody): Promise<SavedView> {
    const own = (await this.views.list(user.workspaceId, user.id)).filter((v) => v.ownerId === user.id);
    if (own.length >= MAX_VIEWS_PER_USER) throw new BadRequestException(`at most ${MAX_VIEWS_PER_USER} saved views per user`);
    const id = await this.views.insert({
      workspaceId: user.workspaceId,
      ownerId: user.id,
      name: body.name,
      filters: savedViewFiltersJson(body.filters),
      sort: body.sort,
      shared: body.shared ?? false,
    });
    if (!id) throw new ConflictException(`you already have a view named "${body.name}"`);
    await this.record(user, 'view.create', id, { name: body.name, shared: body.shared ?? false });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, body: UpdateSavedViewBody): Promise<SavedView> {
    if (body.name === undefined && body.filters === undefined && body.sort === undefined && body.shared === undefined) {
      throw new BadRequestException('nothing to change: give name, filters, sort or shared');
    }
    await this.requireOwn(user, id);
    if (body.name !== undefined && (await this.views.nameTaken(user.id, body.name, id))) {
      throw new ConflictException(`you already have a view named "${body.name}"`);
    }
    await this.views.update(user.workspaceId, user.id, id, {
      name: body.name,
      filters: body.filters && savedViewFiltersJson(body.filters),
      sort: body.sort,
      shared: body.shared,
    });
    await this.record(user, 'view.update', id, { name: body.name, shared: body.shared });
    return this.get(user, id);
  }

  async delete(user: AuthUser, id: string): Promise<void> {
    await this.requireOwn(user, id);
    await this.views.delete(user.workspaceId, user.id, id);
    await this.record(user, 'view.delete', id, {});
  }

  private async get(user: AuthUser, id: string): Promise<SavedView> {
    const row = await this.views.get(user.workspaceId, user.id, id);
    if (!row) throw new NotFoundException(`view ${id} not found`);
    return toSavedView(row, user.id);
  }

  private async requireOwn(user: AuthUser, id: string): Promise<void> {
    const view = await this.get(user, id);
    if (!view.mine) throw new ForbiddenException('only the owner can change or delete a view');
  }

  private record(user: AuthUser, action: string, id: string, data: Record<string, unknown>): Promise<void> {
    return this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action, targetType: 'saved_view', targetId: id, data });
  }
}
