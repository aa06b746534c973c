/* @name ThreadInWorkspace */
SELECT 1 AS "found!" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!;
