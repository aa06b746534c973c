import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SavedView } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { CreateSavedViewBody, SavedViewView, UpdateSavedViewBody } from './saved-views.dto';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved-views')
@Controller('saved-views')
@Authenticated(...ALL_ROLES)
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody, description: 'No such view, or a private view of someone else' })
export class SavedViewsController {
  constructor(@Inject(SavedViewsService) private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: "Inbox views: the signed-in user's own, then the ones colleagues shared" })
  @ApiOkResponse({ type: [SavedViewView] })
  list(@CurrentUser() user: AuthUser): Promise<SavedView[]> {
    return this.views.list(user);
  }

  @Post()
  @ApiOperation({ summary: 'Save the inbox filters and sort under a name (private unless shared)' })
  @ApiCreatedResponse({ type: SavedViewView })
  @ApiConflictResponse({ type: ErrorBody, description: 'You already have a view of that name' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSavedViewBody): Promise<SavedView> {
    return this.views.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change, share or unshare one of your views' })
  @ApiOkResponse({ type: SavedViewView })
  @ApiForbiddenResponse({ type: ErrorBody, description: "A colleague's shared view" })
  @ApiConflictResponse({ type: ErrorBody, description: 'You already have a view of that name' })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateSavedViewBody): Promise<SavedView> {
    return this.views.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your views' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBody, description: "A colleague's shared view" })
  delete(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.views.delete(user, id);
  }
}
