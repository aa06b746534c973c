import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReplyAccepted } from '@resonance/contracts';
import { INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { NewerMessagesConflictView, ReplyAcceptedView, ReplyBody } from './replies.dto';
import { RepliesService } from './replies.service';

@ApiTags('threads')
@Controller()
@Authenticated(...INBOX_WRITERS)
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
export class RepliesController {
  constructor(@Inject(RepliesService) private readonly replies: RepliesService) {}

  @Post('threads/:id/replies')
  @HttpCode(202)
  @ApiOperation({ summary: 'Reply to the thread: stored as a queued outbound message, sent by the outbound worker' })
  @ApiAcceptedResponse({ type: ReplyAcceptedView })
  @ApiConflictResponse({
    type: NewerMessagesConflictView,
    description: 'The customer or a colleague wrote after lastSeenMessageId; resend with confirmNewer: true',
  })
  async reply(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: ReplyBody): Promise<ReplyAccepted> {
    return { message: await this.replies.reply(user, id, body) };
  }

  @Post('messages/:id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a reply whose delivery failed once more' })
  @ApiOkResponse({ type: ReplyAcceptedView })
  @ApiConflictResponse({ type: ErrorBody, description: 'The message is not a failed reply' })
  async retry(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ReplyAccepted> {
    return { message: await this.replies.retry(user, id) };
  }
}
