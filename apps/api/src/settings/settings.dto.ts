import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { BusinessHours } from '@resonance/db';
import type { UpdateSettingsRequest, WorkspaceSettings } from '@resonance/contracts';

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
}

export class SettingsView implements WorkspaceSettings {
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: Object }) businessHours!: BusinessHours;
}
