import { ConflictException, NotFoundException } from '@nestjs/common';
import type { ReportsRepository } from './reports.repository';

// PostgreSQL's invalid_parameter_value, raised by AT TIME ZONE for a zone it does not know.
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The workspace's local date ("YYYY-MM-DD"), which every report reads first. A stored time zone
 * PostgreSQL does not know (saved before settings checked it, or dropped by a tzdata update) fails
 * here, before any report query: it is answered as a 409 that says how to repair it rather than a
 * 500 — the report cannot be counted in a zone nobody can name, and silently using UTC would move
 * every day boundary.
 */
export async function workspaceToday(reports: ReportsRepository, workspaceId: string): Promise<string> {
  try {
    const today = await reports.workspaceToday(workspaceId);
    // The session guard let the user in, so the workspace exists (its row is deleted with its users).
    if (today === undefined) throw new NotFoundException('no such workspace');
    return today;
  } catch (error) {
    if ((error as { code?: unknown }).code !== INVALID_PARAMETER_VALUE) throw error;
    const timezone = await reports.workspaceTimezone(workspaceId);
    throw new ConflictException(
      `the workspace time zone "${timezone}" is not one the database knows, so no report can be counted: an admin can choose another time zone in Settings`,
    );
  }
}
