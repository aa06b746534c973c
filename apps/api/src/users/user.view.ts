import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole, type UserView as WireUserView } from '@resonance/contracts';

/** A user as the API shows it (never the password hash): OpenAPI's description of the contract's UserView. */
export class UserView implements WireUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ description: 'Invited and no password set yet: cannot sign in until the invitation link is used' }) invitationPending!: boolean;
}
