/** Types generated for queries found in "apps/api/src/notes/notes.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

export type stringArray = (string)[];

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
  editedAt: Date | null;
  id: string;
  mentionIds: stringArray;
  mentionNames: stringArray;
  text: string;
  threadId: string;
}

/** 'ListNotes' query type */
export interface IListNotesQuery {
  params: IListNotesParams;
  result: IListNotesResult;
}

const listNotesIR: any = {"usedParamSet":{"threadId":true,"workspaceId":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":575,"b":584}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":607,"b":619}]}],"statement":"SELECT n.id::text AS \"id!\", n.thread_id::text AS \"threadId!\", n.text, n.created_at AS \"createdAt\", n.edited_at AS \"editedAt\",\n       u.id AS \"authorId?\", u.name AS \"authorName?\",\n       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionIds!\",\n       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionNames!\"\n  FROM note n LEFT JOIN users u ON u.id = n.author_user_id\n WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!\n ORDER BY n.created_at, n.id LIMIT 500                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text, n.created_at AS "createdAt", n.edited_at AS "editedAt",
 *        u.id AS "authorId?", u.name AS "authorName?",
 *        ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
 *        ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
 *   FROM note n LEFT JOIN users u ON u.id = n.author_user_id
 *  WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!
 *  ORDER BY n.created_at, n.id LIMIT 500                                                                                         
 * ```
 */
export const listNotes = new PreparedQuery<IListNotesParams,IListNotesResult>(listNotesIR);


/** 'InsertNote' parameters type */
export interface IInsertNoteParams {
  authorUserId: string;
  mentionIds: stringArray;
  text: string;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'InsertNote' return type */
export interface IInsertNoteResult {
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  id: string;
  mentionIds: stringArray;
  mentionNames: stringArray;
  text: string;
  threadId: string;
}

/** 'InsertNote' query type */
export interface IInsertNoteQuery {
  params: IInsertNoteParams;
  result: IInsertNoteResult;
}

const insertNoteIR: any = {"usedParamSet":{"workspaceId":true,"threadId":true,"authorUserId":true,"text":true,"mentionIds":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":121},{"a":253,"b":265}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":124,"b":133}]},{"name":"authorUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":149}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":157}]},{"name":"mentionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":223},{"a":291,"b":302}]}],"statement":"WITH n AS (\n  INSERT INTO note (workspace_id, thread_id, author_user_id, text, mentioned_user_ids)\n  VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!,\n          ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id)))\n  RETURNING *\n)\nSELECT n.id::text AS \"id!\", n.thread_id::text AS \"threadId!\", n.text AS \"text!\", n.created_at AS \"createdAt!\", n.edited_at AS \"editedAt\",\n       u.id AS \"authorId?\", u.name AS \"authorName?\",\n       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionIds!\",\n       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionNames!\"\n  FROM n LEFT JOIN users u ON u.id = n.author_user_id"};

/**
 * Query generated from SQL:
 * ```
 * WITH n AS (
 *   INSERT INTO note (workspace_id, thread_id, author_user_id, text, mentioned_user_ids)
 *   VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!,
 *           ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id)))
 *   RETURNING *
 * )
 * SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!", n.edited_at AS "editedAt",
 *        u.id AS "authorId?", u.name AS "authorName?",
 *        ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
 *        ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
 *   FROM n LEFT JOIN users u ON u.id = n.author_user_id
 * ```
 */
export const insertNote = new PreparedQuery<IInsertNoteParams,IInsertNoteResult>(insertNoteIR);


/** 'UpdateNote' parameters type */
export interface IUpdateNoteParams {
  id: NumberOrString;
  mentionIds: stringArray;
  text: string;
  workspaceId: string;
}

/** 'UpdateNote' return type */
export interface IUpdateNoteResult {
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  id: string;
  mentionIds: stringArray;
  mentionNames: stringArray;
  text: string;
  threadId: string;
}

/** 'UpdateNote' query type */
export interface IUpdateNoteQuery {
  params: IUpdateNoteParams;
  result: IUpdateNoteResult;
}

const updateNoteIR: any = {"usedParamSet":{"text":true,"mentionIds":true,"workspaceId":true,"id":true},"params":[{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":42}]},{"name":"mentionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":147},{"a":215,"b":226}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":189},{"a":280,"b":292}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":259}]}],"statement":"WITH n AS (\n  UPDATE note SET text = :text!, edited_at = now(),\n         mentioned_user_ids = ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id))\n   WHERE id = :id! AND workspace_id = :workspaceId!\n  RETURNING *\n)\nSELECT n.id::text AS \"id!\", n.thread_id::text AS \"threadId!\", n.text AS \"text!\", n.created_at AS \"createdAt!\", n.edited_at AS \"editedAt\",\n       u.id AS \"authorId?\", u.name AS \"authorName?\",\n       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionIds!\",\n       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS \"mentionNames!\"\n  FROM n LEFT JOIN users u ON u.id = n.author_user_id"};

/**
 * Query generated from SQL:
 * ```
 * WITH n AS (
 *   UPDATE note SET text = :text!, edited_at = now(),
 *          mentioned_user_ids = ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id))
 *    WHERE id = :id! AND workspace_id = :workspaceId!
 *   RETURNING *
 * )
 * SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!", n.edited_at AS "editedAt",
 *        u.id AS "authorId?", u.name AS "authorName?",
 *        ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
 *        ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
 *   FROM n LEFT JOIN users u ON u.id = n.author_user_id
 * ```
 */
export const updateNote = new PreparedQuery<IUpdateNoteParams,IUpdateNoteResult>(updateNoteIR);


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


