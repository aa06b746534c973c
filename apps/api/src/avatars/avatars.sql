/* The SQL of contacts' avatars (avatars.repository.ts runs it; `npm run gen:sql` types it). */

/* @name ContactAvatarUrl */
SELECT avatar_url AS "avatarUrl" FROM contact WHERE id = :contactId! AND workspace_id = :workspaceId!;
