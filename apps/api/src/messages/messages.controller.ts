import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { MessageItem, Page } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { PageQuery } from '../common/page-query';
import { loadThreadMessagePage } from './message.sql';
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
  list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Query() q: PageQuery): Promise<Page<MessageItem>> {
    return loadThreadMessagePage(this.dataSource, user.workspaceId, id, q);
  }
}
