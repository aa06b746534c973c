import type { IsoDateTime, PageRequest, UserRef } from './common';

/** One entry of GET /api/audit-events (admins), newest first. */
export interface AuditEventView {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actor: UserRef | null;
  data: Record<string, unknown>;
  createdAt: IsoDateTime;
}

/** GET /api/audit-events query. */
export interface AuditListRequest extends PageRequest {
  targetType?: string;
  targetId?: string;
  actorUserId?: string;
  action?: string;
}
