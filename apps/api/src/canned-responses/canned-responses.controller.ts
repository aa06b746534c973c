import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { CannedQuery, CannedResponseBody, CannedResponseView, RenderBody, RenderedView, UpdateCannedResponseBody } from './canned-responses.dto';
import { CannedResponsesService } from './canned-responses.service';

@ApiTags('canned-responses')
@Controller('canned-responses')
@Authenticated(...ALL_ROLES)
@ApiNotFoundResponse({ type: ErrorBody })
export class CannedResponsesController {
  constructor(@Inject(CannedResponsesService) private readonly canned: CannedResponsesService) {}

  @Get()
  @ApiOperation({ summary: 'Canned responses of the workspace, by title' })
  @ApiOkResponse({ type: [CannedResponseView] })
  list(@CurrentUser() user: AuthUser, @Query() q: CannedQuery): Promise<CannedResponseView[]> {
    return this.canned.list(user, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: CannedResponseView })
  get(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<CannedResponseView> {
    return this.canned.get(user, id);
  }

  @Post()
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Create a canned response' })
  @ApiCreatedResponse({ type: CannedResponseView })
  create(@CurrentUser() user: AuthUser, @Body() body: CannedResponseBody): Promise<CannedResponseView> {
    return this.canned.create(user, body);
  }

  @Patch(':id')
  @Authenticated(...INBOX_WRITERS)
  @ApiOkResponse({ type: CannedResponseView })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateCannedResponseBody): Promise<CannedResponseView> {
    return this.canned.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated(...INBOX_WRITERS)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.canned.remove(user, id);
  }

  @Post(':id/render')
  @HttpCode(200)
  @ApiOperation({ summary: 'The text with its variables filled for one thread (contact.name, contact.handle, agent.name, channel.name, network)' })
  @ApiOkResponse({ type: RenderedView })
  render(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: RenderBody): Promise<RenderedView> {
    return this.canned.render(user, id, body);
  }
}
