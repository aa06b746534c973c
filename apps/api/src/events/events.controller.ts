import { Body, Controller, Get, HttpCode, Inject, Param, Post, Sse, type MessageEvent } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { filter, interval, map, merge, of, takeUntil, type Observable } from 'rxjs';
import { PRESENCE_STATES, type PresenceEntry, type PresenceRequest, type PresenceState, type UserRef } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { BigintIdPipe } from '../common/ids';
import { ThreadsService } from '../threads/threads.service';
import { EventBus } from './event-bus';
import { SessionStreams } from './session-streams';
import { toSseEvent } from './sse-event';

/** A presence entry lasts this long unless renewed; dashboards renew every ~10 s while a thread is open. */
export const PRESENCE_TTL_MS = 30_000;
export const HEARTBEAT_MS = 15_000;

export class PresenceBody implements PresenceRequest {
  @ApiProperty({ enum: PRESENCE_STATES })
  @IsIn(PRESENCE_STATES)
  state!: PresenceState;
}

export class PresenceView implements PresenceEntry {
  @ApiProperty() threadId!: string;
  @ApiProperty({ type: Object, description: '{id, name}' }) user!: UserRef;
  @ApiProperty({ enum: ['viewing', 'typing'] }) state!: PresenceEntry['state'];
  @ApiProperty() expiresAt!: string;
}

@ApiTags('live')
@Controller()
@Authenticated(...ALL_ROLES)
export class EventsController {
  constructor(
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(ThreadsService) private readonly threads: ThreadsService,
    @Inject(SessionStreams) private readonly sessionStreams: SessionStreams,
  ) {}

  @Sse('events')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-sent events of the workspace',
    description:
      'Each event has `id:` (uuid), `event:` (its type) and `data:` (JSON with the same `type`). Types: ' +
      '`ready` {presence} first; `message.created` {threadId, message}; `message.updated` {threadId, message} ' +
      '(delivery results, edits, hide/delete); `thread.updated` {threadId, thread}; `note.created` / `note.updated` {threadId, note}; `note.deleted` {threadId, noteId}; ' +
      '`notification.created` {userId, notification} (to that user only); ' +
      '`presence` {threadId, user, state: viewing|typing|left, expiresAt}; `inbox.changed` {count} (refetch); ' +
      '`ping` every 15 s. The stream ends when its session does (logout, password change, deactivation, ' +
      'role change, expiry); the dashboard then reconnects and is checked again.',
  })
  events(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    return merge(
      of({ type: 'ready', data: { type: 'ready', presence: this.bus.presenceOf(user.workspaceId) } }),
      this.bus.stream(user.workspaceId).pipe(
        // A notification is its recipient's alone.
        filter((e) => e.type !== 'notification.created' || e.userId === user.id),
        map(toSseEvent),
      ),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: { type: 'ping' } }))),
    ).pipe(takeUntil(this.sessionStreams.endOf(user)));
  }

  @Get('presence')
  @ApiOperation({ summary: 'Who views or types in which thread now' })
  @ApiOkResponse({ type: [PresenceView] })
  presence(@CurrentUser() user: AuthUser): PresenceView[] {
    return this.bus.presenceOf(user.workspaceId);
  }

  @Post('threads/:id/presence')
  @HttpCode(204)
  @ApiOperation({ summary: 'Say that I view, type in, or left a thread (renew every ~10 s; entries expire after 30 s)' })
  @ApiNoContentResponse()
  async setPresence(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: PresenceBody): Promise<void> {
    await this.threads.requireInWorkspace(user, id);
    await this.bus.publish(user.workspaceId, {
      type: 'presence',
      threadId: id,
      user: { id: user.id, name: user.name },
      state: body.state,
      expiresAt: new Date(Date.now() + PRESENCE_TTL_MS).toISOString(),
    });
  }
}
