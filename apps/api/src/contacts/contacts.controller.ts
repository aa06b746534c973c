import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { NETWORKS, type ContactHistory, type Network } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { ThreadItemView } from '../threads/threads.dto';
import { ContactsService } from './contacts.service';

class ContactSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NETWORKS }) network!: Network;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the profile on the network, where it has a public address' })
  profileUrl!: string | null;
}

class ContactHistoryView implements ContactHistory {
  @ApiProperty({ type: ContactSummaryView }) contact!: ContactSummaryView;
  @ApiProperty({ type: [ThreadItemView] }) threads!: ThreadItemView[];
}

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
