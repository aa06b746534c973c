import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_NOTE_LENGTH, type CreateNoteRequest, type NoteItem, type UpdateNoteRequest, type UserRef } from '@resonance/contracts';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { NotesService } from './notes.service';

export class NoteBody implements CreateNoteRequest {
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NOTE_LENGTH)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}

export class UpdateNoteBody extends NoteBody implements UpdateNoteRequest {}

export class NoteView implements NoteItem {
  @ApiProperty() id!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty({ type: Object, nullable: true, description: '{id, name}' }) author!: UserRef | null;
  @ApiProperty({ description: 'mentions are written <@user-id>' }) text!: string;
  @ApiProperty({ type: Object, isArray: true, description: '[{id, name}]: the users the text mentions' }) mentions!: UserRef[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) editedAt!: string | null;
}

/** Internal notes on a thread: seen by the team, never sent to a network (they are not messages). */
@ApiTags('notes')
@Controller()
@Authenticated(...ALL_ROLES)
@ApiNotFoundResponse({ type: ErrorBody })
export class NotesController {
  constructor(@Inject(NotesService) private readonly notes: NotesService) {}

  @Get('threads/:id/notes')
  @ApiOperation({ summary: 'The internal notes of a thread, oldest first' })
  @ApiOkResponse({ type: [NoteView] })
  list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<NoteItem[]> {
    return this.notes.list(user, id);
  }

  @Post('threads/:id/notes')
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Add an internal note (never sent)' })
  @ApiCreatedResponse({ type: NoteView })
  create(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: NoteBody): Promise<NoteItem> {
    return this.notes.create(user, id, body.text);
  }

  @Patch('notes/:id')
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Change the text of a note (its author only); newly mentioned colleagues are notified' })
  @ApiOkResponse({ type: NoteView })
  update(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: UpdateNoteBody): Promise<NoteItem> {
    return this.notes.update(user, id, body.text);
  }

  @Delete('notes/:id')
  @HttpCode(204)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Delete a note (its author or an admin)' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<void> {
    return this.notes.remove(user, id);
  }
}
