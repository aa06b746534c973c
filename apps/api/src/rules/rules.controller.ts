import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { HiddenByRulesPage, RuleList, RuleWire, ThreadRuleActivity } from '@resonance/contracts';
import { ADMINS, ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { RuleActivityService } from './rule-activity.service';
import { ReorderRulesBody, RuleBody } from './rules.dto';
import { RulesService } from './rules.service';

/** Rules that moderate and route (docs/rules.md): admins define them; everyone sees them. */
@ApiTags('rules')
@Controller('rules')
@Authenticated(...ADMINS)
@ApiNotFoundResponse({ type: ErrorBody })
export class RulesController {
  constructor(
    @Inject(RulesService) private readonly rules: RulesService,
    @Inject(RuleActivityService) private readonly activity: RuleActivityService,
  ) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The rules in evaluation order, with how often each matched, suggested and had a suggestion accepted' })
  async list(@CurrentUser() user: AuthUser): Promise<RuleList> {
    return { items: await this.rules.list(user) };
  }

  @Get('hidden')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Messages hidden by rules and not undone, newest first ("Hidden by rules")' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  hidden(@CurrentUser() user: AuthUser, @Query('cursor') cursor?: string): Promise<HiddenByRulesPage> {
    return this.activity.hidden(user, cursor === undefined || cursor === '' ? undefined : new BigintIdPipe().transform(cursor));
  }

  @Post()
  @ApiOperation({
    summary: 'Create a rule (last in order)',
    description: '400 with code RULE_INVALID, RULE_REGEX_UNSAFE or RULE_REPLY_NOT_ALLOWED and the path of the problem',
  })
  @ApiBadRequestResponse({ type: ErrorBody })
  create(@CurrentUser() user: AuthUser, @Body() body: RuleBody): Promise<RuleWire> {
    return this.rules.create(user, body);
  }

  @Put('order')
  @ApiOperation({ summary: 'Set the evaluation order: every rule id, in the new order' })
  @ApiBadRequestResponse({ type: ErrorBody })
  async reorder(@CurrentUser() user: AuthUser, @Body() body: ReorderRulesBody): Promise<RuleList> {
    return { items: await this.rules.reorder(user, body.ids) };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule (its counts stay)' })
  @ApiBadRequestResponse({ type: ErrorBody })
  update(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: RuleBody): Promise<RuleWire> {
    return this.rules.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<void> {
    return this.rules.remove(user, id);
  }
}

/** Rules in the inbox: a thread's suggestions and automatic actions, accept/dismiss, undo. */
@ApiTags('rules')
@Controller()
@Authenticated(...INBOX_WRITERS)
@ApiNotFoundResponse({ type: ErrorBody })
export class RuleActivityController {
  constructor(@Inject(RuleActivityService) private readonly activity: RuleActivityService) {}

  @Get('threads/:id/rule-activity')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: "What rules suggested for and did to a thread's messages" })
  @ApiOkResponse()
  ofThread(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadRuleActivity> {
    return this.activity.ofThread(user, id);
  }

  @Post('rule-suggestions/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept a rule's suggestion: its action runs as yours (a hide reaches the network once), the rule counts the accept" })
  @ApiConflictResponse({ type: ErrorBody })
  accept(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadRuleActivity> {
    return this.activity.accept(user, id);
  }

  @Post('rule-suggestions/:id/dismiss')
  @HttpCode(200)
  dismiss(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadRuleActivity> {
    return this.activity.dismiss(user, id);
  }

  @Post('rule-runs/:id/undo')
  @HttpCode(200)
  @ApiOperation({ summary: "Undo a rule's automatic action (409 RULE_UNDO_IMPOSSIBLE for a delete or a reply)" })
  @ApiConflictResponse({ type: ErrorBody })
  undo(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ThreadRuleActivity> {
    return this.activity.undo(user, id);
  }
}
