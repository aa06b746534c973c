import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageItem, Page } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { PageQuery } from '../common/page-query';
import { MessagePage } from './messages.dto';
import { MessagesService } from './messages.service';

@ApiTags('threads')
@Controller('threads')
@Authenticated(...ALL_ROLES)
export class MessagesController {
  constructor(@Inject(MessagesService) private readonly messages: MessagesService) {}

  @Get(':id/messages')
  @ApiOperation({ summary: 'The messages of a thread, oldest first, keyset-paged over (thread, created_at, id)' })
  @ApiOkResponse({ type: MessagePage })
  @ApiNotFoundResponse({ type: ErrorBody })
  list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Query() q: PageQuery): Promise<Page<MessageItem>> {
    return this.messages.threadPage(user.workspaceId, id, q);
  }
}
