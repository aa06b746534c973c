import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, type OnboardingRequest, type OnboardingResult, type OnboardingStatus } from '@resonance/contracts';

const NOT_BLANK = /\S/;

export class OnboardingBody implements OnboardingRequest {
  @ApiProperty({ example: 'Muster GmbH' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'workspaceName must not be empty' })
  workspaceName!: string;
  @ApiProperty() @IsString() @MaxLength(200) @Matches(NOT_BLANK, { message: 'adminName must not be empty' }) adminName!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) adminEmail!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password!: string;
}

export class OnboardingStatusView implements OnboardingStatus {
  @ApiProperty({ description: 'true while the installation has no user: the dashboard shows the onboarding form' }) needed!: boolean;
}

export class OnboardingResultView implements OnboardingResult {
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ description: "The admin's e-mail, to sign in with" }) email!: string;
}
