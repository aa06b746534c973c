/* Post topics for the perception gap (post-topics.ts; typed into post-topics.queries.ts). */

/* Posts not classified yet (stored before migration 1733800000000, or by a writer that set no topic), oldest first. */
/* @name PendingPostTopics */
SELECT id::text AS "id!", text FROM post WHERE topic IS NULL ORDER BY id LIMIT :limit!;

/* @name SetPostTopics */
UPDATE post p SET topic = r.topic FROM unnest(:ids!::bigint[], :topics!::text[]) AS r(id, topic) WHERE p.id = r.id AND p.topic IS NULL;
