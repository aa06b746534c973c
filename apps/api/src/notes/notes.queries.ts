/** Types generated for queries found in "apps/api/src/notes/notes.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ListNotes' parameters type */
export interface IListNotesParams {
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'ListNotes' return type */
export interface IListNotesResult {
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  id: string;
  text: string;
  threadId: string;
}

/** 'ListNotes' query type */
export interface IListNotesQuery {
  params: IListNotesParams;
  result: IListNotesResult;
}

const listNotesIR: any = {"usedParamSet":{"threadId":true,"workspaceId":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":240}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":263,"b":275}]}],"statement":"SELECT n.id::text AS \"id!\", n.thread_id::text AS \"threadId!\", n.text, n.created_at AS \"createdAt\",\n       u.id AS \"authorId?\", u.name AS \"authorName?\"\n  FROM note n LEFT JOIN users u ON u.id = n.author_user_id\n WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!\n ORDER BY n.created_at, n.id LIMIT 500"};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text, n.created_at AS "createdAt",
 *        u.id AS "authorId?", u.name AS "authorName?"
 *   FROM note n LEFT JOIN users u ON u.id = n.author_user_id
 *  WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!
 *  ORDER BY n.created_at, n.id LIMIT 500
 * ```
 */
export const listNotes = new PreparedQuery<IListNotesParams,IListNotesResult>(listNotesIR);


/** 'InsertNote' parameters type */
export interface IInsertNoteParams {
  authorUserId: string;
  text: string;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'InsertNote' return type */
export interface IInsertNoteResult {
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  id: string;
  text: string;
  threadId: string;
}

/** 'InsertNote' query type */
export interface IInsertNoteQuery {
  params: IInsertNoteParams;
  result: IInsertNoteResult;
}

const insertNoteIR: any = {"usedParamSet":{"workspaceId":true,"threadId":true,"authorUserId":true,"text":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":101}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":113}]},{"name":"authorUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":129}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":132,"b":137}]}],"statement":"WITH n AS (\n  INSERT INTO note (workspace_id, thread_id, author_user_id, text)\n  VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!) RETURNING *\n)\nSELECT n.id::text AS \"id!\", n.thread_id::text AS \"threadId!\", n.text AS \"text!\", n.created_at AS \"createdAt!\",\n       u.id AS \"authorId?\", u.name AS \"authorName?\"\n  FROM n LEFT JOIN users u ON u.id = n.author_user_id"};

/**
 * Query generated from SQL:
 * ```
 * WITH n AS (
 *   INSERT INTO note (workspace_id, thread_id, author_user_id, text)
 *   VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!) RETURNING *
 * )
 * SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!",
 *        u.id AS "authorId?", u.name AS "authorName?"
 *   FROM n LEFT JOIN users u ON u.id = n.author_user_id
 * ```
 */
export const insertNote = new PreparedQuery<IInsertNoteParams,IInsertNoteResult>(insertNoteIR);


/** 'LockNote' parameters type */
export interface ILockNoteParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'LockNote' return type */
export interface ILockNoteResult {
  authorUserId: string | null;
  threadId: string;
}

/** 'LockNote' query type */
export interface ILockNoteQuery {
  params: ILockNoteParams;
  result: ILockNoteResult;
}

const lockNoteIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":95,"b":98}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":119,"b":131}]}],"statement":"SELECT thread_id::text AS \"threadId!\", author_user_id AS \"authorUserId\"\n  FROM note WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT thread_id::text AS "threadId!", author_user_id AS "authorUserId"
 *   FROM note WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE
 * ```
 */
export const lockNote = new PreparedQuery<ILockNoteParams,ILockNoteResult>(lockNoteIR);


/** 'DeleteNote' parameters type */
export interface IDeleteNoteParams {
  id: NumberOrString;
}

/** 'DeleteNote' return type */
export type IDeleteNoteResult = void;

/** 'DeleteNote' query type */
export interface IDeleteNoteQuery {
  params: IDeleteNoteParams;
  result: IDeleteNoteResult;
}

const deleteNoteIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":28,"b":31}]}],"statement":"DELETE FROM note WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM note WHERE id = :id!
 * ```
 */
export const deleteNote = new PreparedQuery<IDeleteNoteParams,IDeleteNoteResult>(deleteNoteIR);


