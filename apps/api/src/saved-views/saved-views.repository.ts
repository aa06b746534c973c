import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Json, type Queryable } from '@resonance/db';
import {
  deleteSavedView,
  getSavedView,
  insertSavedView,
  listSavedViews,
  savedViewNameTaken,
  updateSavedView,
  type IGetSavedViewResult,
} from './saved-views.queries';

/** A saved view row (both reading statements answer these columns). */
export type SavedViewRow = IGetSavedViewResult;

export interface SavedViewChanges {
  name?: string;
  filters?: Json;
  sort?: string;
  shared?: boolean;
}

/** All SQL of saved views (saved-views.sql, typed by pgTyped in saved-views.queries.ts). */
@Injectable()
export class SavedViewsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The user's own views and the ones shared in the workspace. */
  list(workspaceId: string, userId: string, db: Queryable = this.dataSource): Promise<SavedViewRow[]> {
    return listSavedViews.run({ workspaceId, userId }, sqlClient(db));
  }

  /** One view the user may see (own or shared). */
  async get(workspaceId: string, userId: string, id: string, db: Queryable = this.dataSource): Promise<SavedViewRow | undefined> {
    const [row] = await getSavedView.run({ workspaceId, userId, id }, sqlClient(db));
    return row;
  }

  /** The new view's id; undefined when the owner already has a view of that name. */
  async insert(
    view: { workspaceId: string; ownerId: string; name: string; filters: Json; sort: string; shared: boolean },
    db: Queryable = this.dataSource,
  ): Promise<string | undefined> {
    const [row] = await insertSavedView.run(view, sqlClient(db));
    return row?.id;
  }

  /** false when no view of this owner has the id. */
  async update(workspaceId: string, ownerId: string, id: string, changes: SavedViewChanges, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await updateSavedView.run(
      {
        workspaceId,
        ownerId,
        id,
        setName: changes.name !== undefined,
        name: changes.name ?? null,
        setFilters: changes.filters !== undefined,
        filters: changes.filters ?? null,
        setSort: changes.sort !== undefined,
        sort: changes.sort ?? null,
        setShared: changes.shared !== undefined,
        shared: changes.shared ?? null,
      },
      sqlClient(db),
    );
    return rows.length > 0;
  }

  async nameTaken(ownerId: string, name: string, exceptId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await savedViewNameTaken.run({ ownerId, name, id: exceptId }, sqlClient(db))).length > 0;
  }

  /** false when no view of this owner has the id. */
  async delete(workspaceId: string, ownerId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await deleteSavedView.run({ workspaceId, ownerId, id }, sqlClient(db))).length > 0;
  }
}
