import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageActionAccepted, MessageActionList, PrivateReplyAccepted } from '@resonance/contracts';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { MessageActionAcceptedView, MessageActionBody, MessageActionListView, PrivateReplyAcceptedView, PrivateReplyBody } from './message-actions.dto';
import { MessageActionsService } from './message-actions.service';
import { PrivateReplyService } from './private-reply.service';

@ApiTags('threads')
@Controller('messages')
@ApiNotFoundResponse({ type: ErrorBody })
export class MessageActionsController {
  constructor(
    @Inject(MessageActionsService) private readonly actions: MessageActionsService,
    @Inject(PrivateReplyService) private readonly privateReplies: PrivateReplyService,
  ) {}

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

  @Post(':id/private-reply')
  @HttpCode(202)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({
    summary: "Answer a customer's comment privately: one direct message to its author (queued; the outbound worker sends it once)",
    description:
      'Where the network offers it (Instagram): once per comment, within 7 days of it, not on hidden comments. The message is stored in the direct thread ' +
      'with the comment’s author, where the network files it. The same text again (a double click) returns the queued one. ' +
      '409 with code PRIVATE_REPLY_SENT, PRIVATE_REPLY_EXPIRED, PRIVATE_REPLY_HIDDEN or ACTION_NOT_ALLOWED otherwise.',
  })
  @ApiAcceptedResponse({ type: PrivateReplyAcceptedView })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody })
  async privateReply(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: PrivateReplyBody): Promise<PrivateReplyAccepted> {
    return this.privateReplies.send(user, id, body.text);
  }

  @Get(':id/actions')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The like/hide/delete requests of a message, newest first, with their state and failure reasons' })
  @ApiOkResponse({ type: MessageActionListView })
  async list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<MessageActionList> {
    return { items: await this.actions.list(user, id) };
  }
}
