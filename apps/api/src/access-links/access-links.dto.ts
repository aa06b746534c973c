import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  ACCESS_LINK_PURPOSES,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type AcceptAccessLinkRequest,
  type AccessLinkAccepted,
  type AccessLinkInfo,
  type AccessLinkPurpose,
  type AccessLinkView,
} from '@resonance/contracts';

/** A token has the shape newToken() makes: 43 URL-safe base64 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_MESSAGE = 'token must be the part of the link after "#" (43 letters, digits, "-" or "_")';

export class AccessLinkTokenBody {
  @ApiProperty({ description: 'The part of the link after "#"' }) @IsString() @Matches(TOKEN_SHAPE, { message: TOKEN_MESSAGE }) token!: string;
}

export class AcceptAccessLinkBody implements AcceptAccessLinkRequest {
  @ApiProperty({ description: 'The part of the link after "#"' }) @IsString() @Matches(TOKEN_SHAPE, { message: TOKEN_MESSAGE }) token!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password!: string;
}

export class AccessLinkInfoView implements AccessLinkInfo {
  @ApiProperty({ enum: ACCESS_LINK_PURPOSES }) purpose!: AccessLinkPurpose;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AccessLinkCreatedView implements AccessLinkView {
  @ApiProperty({ enum: ACCESS_LINK_PURPOSES }) purpose!: AccessLinkPurpose;
  @ApiProperty({ description: 'The one-time link to hand over; shown only in this answer' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AcceptedView implements AccessLinkAccepted {
  @ApiProperty({ description: 'The account the password was set for (to sign in with)' }) email!: string;
}
