import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContactHistory } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { ContactHistoryView } from './contacts.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller('contacts')
@Authenticated(...ALL_ROLES)
@ApiNotFoundResponse({ type: ErrorBody })
export class ContactsController {
  constructor(@Inject(ContactsService) private readonly contacts: ContactsService) {}

  @Get(':id/threads')
  @ApiOperation({ summary: 'The contact and their threads, newest activity first, with the profile link on the network' })
  @ApiOkResponse({ type: ContactHistoryView })
  history(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ContactHistory> {
    return this.contacts.history(user, id);
  }
}
