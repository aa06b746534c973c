import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  CANNED_VARIABLES,
  type CannedResponse,
  type CannedResponseListRequest,
  type CreateCannedResponseRequest,
  type RenderCannedResponseRequest,
  type RenderedCannedResponse,
  type UpdateCannedResponseRequest,
} from '@resonance/contracts';
import { PageQuery } from '../common/page-query';
import { AbsentOrValid } from '../common/absent-or-valid';

export { CANNED_VARIABLES };

/** A shortcut is stored without its "/": agents type "/danke" in the composer, admins may write it either way. */
const withoutSlash = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/^\//, '') : value);

export class CannedResponseBody implements CreateCannedResponseRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ maxLength: 8000, description: `may use {{${CANNED_VARIABLES.join('}}, {{')}}}` })
  @IsString()
  @MinLength(1)
  @MaxLength(8_000)
  text!: string;
  @ApiPropertyOptional({ maxLength: 50, description: 'letters, digits, - and _; a leading "/" is dropped' })
  @IsOptional()
  @Transform(withoutSlash)
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'shortcut must be 1–50 letters, digits, - or _' })
  shortcut?: string;
  @ApiPropertyOptional({ example: 'de' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'language must look like de or en-GB' })
  language?: string;
}

/**
 * Every field may be left out, but title and text may not be set to null: PartialType's
 * @IsOptional lets null through and the columns are NOT NULL (found by the DTO fuzz test).
 */
export class UpdateCannedResponseBody implements UpdateCannedResponseRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @AbsentOrValid() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 8000 }) @AbsentOrValid() @IsString() @MinLength(1) @MaxLength(8_000) text?: string;
  @ApiPropertyOptional({ maxLength: 50, description: 'letters, digits, - and _; a leading "/" is dropped' })
  @IsOptional()
  @Transform(withoutSlash)
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'shortcut must be 1–50 letters, digits, - or _' })
  shortcut?: string;
  @ApiPropertyOptional({ example: 'de' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'language must look like de or en-GB' })
  language?: string;
}

export class CannedQuery extends PageQuery implements CannedResponseListRequest {
  @ApiPropertyOptional({ description: 'matches title, shortcut or text' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class RenderBody implements RenderCannedResponseRequest {
  @ApiProperty({ description: 'the thread whose contact, channel and network fill the variables' })
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'threadId must be a thread id' })
  threadId!: string;
}

/** OpenAPI's description of the contract's CannedResponse. */
export class CannedResponseView implements CannedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) shortcut!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class RenderedView implements RenderedCannedResponse {
  @ApiProperty() text!: string;
}
