import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor';
import { BigintIdPipe } from '../common/ids';
import { requireThread } from '../threads/thread.sql';
import { PageQuery } from '../common/page-query';
import { MESSAGE_ITEM_COLUMNS, MESSAGE_ITEM_JOINS, stripMessageCursor, type MessageItem } from './message.sql';
import { MessagePage } from './messages.dto';

@ApiTags('threads')
@Controller('threads')
@Authenticated(...ALL_ROLES)
export class MessagesController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get(':id/messages')
  @ApiOperation({ summary: 'The messages of a thread, oldest first, keyset-paged over (thread, created_at, id)' })
  @ApiOkResponse({ type: MessagePage })
  @ApiNotFoundResponse({ type: ErrorBody })
  async list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Query() q: PageQuery): Promise<Page<MessageItem>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const params: unknown[] = [id, user.workspaceId, limit + 1];
    let after = '';
    if (cursor) {
      params.push(cursor.at, cursor.id);
      after = `AND (m.created_at, m.id) > ($4::timestamptz, $5::bigint)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${MESSAGE_ITEM_COLUMNS}
         FROM (SELECT * FROM message m WHERE m.thread_id = $1 AND m.workspace_id = $2 ${after}
                ORDER BY m.created_at, m.id LIMIT $3) m
         ${MESSAGE_ITEM_JOINS}
        ORDER BY m.created_at, m.id`,
      params,
    )) as Array<MessageItem & { _cursorAt: string }>;
    if (!rows.length && !cursor) {
      await requireThread(this.dataSource, user.workspaceId, id);
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(stripMessageCursor),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
    };
  }
}
