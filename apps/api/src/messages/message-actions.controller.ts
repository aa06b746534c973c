import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageActionAccepted, MessageActionList } from '@resonance/contracts';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { MessageActionAcceptedView, MessageActionBody, MessageActionListView } from './message-actions.dto';
import { MessageActionsService } from './message-actions.service';

@ApiTags('threads')
@Controller('messages')
@ApiNotFoundResponse({ type: ErrorBody })
export class MessageActionsController {
  constructor(@Inject(MessageActionsService) private readonly actions: MessageActionsService) {}

  @Post(':id/actions')
  @HttpCode(202)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({
    summary: "Like, unlike, hide, unhide or delete a customer's comment on the network (queued; the outbound worker performs it once)",
    description:
      'like, hide and delete count as handled without a reply once the network confirms (message.handledAction). A request while the same action is queued returns that one. ' +
      "409: the account's own or a private message, a deleted comment, another action still queued, or an action the channel's network does not allow.",
  })
  @ApiAcceptedResponse({ type: MessageActionAcceptedView })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody })
  async act(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: MessageActionBody): Promise<MessageActionAccepted> {
    return this.actions.request(user, id, body.action);
  }

  @Get(':id/actions')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The like/hide/delete requests of a message, newest first, with their state and failure reasons' })
  @ApiOkResponse({ type: MessageActionListView })
  async list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<MessageActionList> {
    return { items: await this.actions.list(user, id) };
  }
}
