import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_OWN_DOMAINS } from '@resonance/contracts';
import type { BusinessHours } from '@resonance/db';
import type { HumanAgentTagRequest, UpdateSettingsRequest, WorkspaceSettings } from '@resonance/contracts';

export class UpdateSettingsBody implements UpdateSettingsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'An IANA time zone name PostgreSQL knows (pg_timezone_names)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
  @ApiPropertyOptional({ type: Object, description: 'weekday (0 = Sunday) → [["08:00","18:00"], …]', example: { '1': [['08:00', '18:00']] } })
  @IsOptional()
  @IsObject()
  businessHours?: BusinessHours;
  @ApiPropertyOptional({
    type: [String],
    example: ['example.com'],
    description: "the company's own domains: links to them are no sign of spam (replaces the list)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OWN_DOMAINS)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  ownDomains?: string[];
}

export class SettingsView implements WorkspaceSettings {
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: Object }) businessHours!: BusinessHours;
  @ApiProperty({ type: [String], description: "the company's own domains (links to them are no sign of spam)" }) ownDomains!: string[];
  @ApiProperty({
    description:
      "the workspace says Meta approved its app for the HUMAN_AGENT tag: a person may answer Instagram direct messages up to 7 days after the customer's last one",
  })
  humanAgentTagApproved!: boolean;
}

export class HumanAgentTagBody implements HumanAgentTagRequest {
  @ApiProperty({ description: "true only once Meta's App Review granted the Human Agent permission to the app this server uses" })
  @IsBoolean()
  approved!: boolean;
}
