import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BulkUpdateThreadsResponse, Page, ThreadDetail, ThreadItem, WorkspaceTag } from '@resonance/contracts';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { BulkUpdateThreadsBody, BulkUpdateThreadsView, WorkspaceTagView } from './threads-bulk.dto';
import { ThreadsBulkService } from './threads-bulk.service';
import { AssignBody, TagBody, ThreadDetailView, ThreadItemView, ThreadPage, ThreadsQuery, UpdateThreadBody } from './threads.dto';
import { ThreadsService } from './threads.service';

@ApiTags('threads')
@Controller('threads')
@Authenticated(...ALL_ROLES)
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody, description: 'No such thread in this workspace' })
export class ThreadsController {
  constructor(
    @Inject(ThreadsService) private readonly threads: ThreadsService,
    @Inject(ThreadsBulkService) private readonly bulk: ThreadsBulkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The inbox: threads newest activity first, filtered, keyset-paged' })
  @ApiOkResponse({ type: ThreadPage })
  list(@CurrentUser() user: AuthUser, @Query() q: ThreadsQuery): Promise<Page<ThreadItem>> {
    return this.threads.list(user, q);
  }

  @Get('tags')
  @ApiOperation({ summary: "The workspace's tags, most used first (suggestions for the tag input)" })
  @ApiOkResponse({ type: [WorkspaceTagView] })
  tags(@CurrentUser() user: AuthUser): Promise<WorkspaceTag[]> {
    return this.bulk.tags(user);
  }

  @Post('bulk')
  @HttpCode(200)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'One change (status, assignee, priority, tags added/removed) to several threads at once, all or nothing; audited' })
  @ApiOkResponse({ type: BulkUpdateThreadsView })
  bulkUpdate(@CurrentUser() user: AuthUser, @Body() body: BulkUpdateThreadsBody): Promise<BulkUpdateThreadsResponse> {
    return this.bulk.update(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One thread with its post and the ids of its newest messages' })
  @ApiOkResponse({ type: ThreadDetailView })
  get(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadDetail> {
    return this.threads.get(user, id);
  }

  @Patch(':id')
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Change status (open/pending/closed), assignee (null unassigns), priority or tags; each change is audited' })
  @ApiOkResponse({ type: ThreadItemView })
  update(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: UpdateThreadBody): Promise<ThreadItem> {
    return this.threads.update(user, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Assign the thread (to the signed-in user unless userId is given)' })
  @ApiOkResponse({ type: ThreadItemView })
  assign(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: AssignBody): Promise<ThreadItem> {
    return this.threads.update(user, id, { assigneeId: body.userId ?? user.id });
  }

  @Post(':id/unassign')
  @HttpCode(200)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Remove the assignee' })
  @ApiOkResponse({ type: ThreadItemView })
  unassign(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadItem> {
    return this.threads.update(user, id, { assigneeId: null });
  }

  @Post(':id/tags')
  @HttpCode(200)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Add one tag' })
  @ApiOkResponse({ type: ThreadItemView })
  addTag(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: TagBody): Promise<ThreadItem> {
    return this.threads.addTag(user, id, body.tag);
  }

  @Delete(':id/tags/:tag')
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Remove one tag' })
  @ApiOkResponse({ type: ThreadItemView })
  removeTag(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Param('tag') tag: string): Promise<ThreadItem> {
    return this.threads.removeTag(user, id, tag);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Mark the thread read (unread count 0)' })
  @ApiOkResponse({ type: ThreadItemView })
  markRead(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadItem> {
    return this.threads.markRead(user, id);
  }
}
