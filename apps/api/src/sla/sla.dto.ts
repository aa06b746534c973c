import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { NETWORKS, type HolidayWire, type Network, type SlaSettings, type SlaTargetWire, type UpdateSlaSettingsRequest } from '@resonance/contracts';

export class SlaTargetBody implements SlaTargetWire {
  @ApiProperty({ enum: NETWORKS, nullable: true, description: 'null: every network' })
  @ValidateIf((_, v) => v !== null)
  @IsIn(NETWORKS)
  network!: Network | null;
  @ApiProperty({ nullable: true, minimum: 0, maximum: 3, description: 'null: every priority' })
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @IsIn([0, 1, 2, 3])
  priority!: number | null;
  @ApiProperty({ minimum: 1, maximum: 525600 }) @IsInt() minutes!: number;
}

export class HolidayBody implements HolidayWire {
  @ApiProperty({ example: '2026-12-25' }) @IsString() @MaxLength(10) date!: string;
  @ApiProperty({ example: 'Christmas Day' }) @IsString() @MaxLength(100) name!: string;
}

export class UpdateSlaBody implements UpdateSlaSettingsRequest {
  @ApiProperty({ minimum: 1, maximum: 525600 }) @IsInt() defaultMinutes!: number;
  @ApiProperty({ description: 'true: targets count business hours only (schedule, holidays)' }) @IsBoolean() businessHoursOnly!: boolean;
  @ApiProperty({ type: [SlaTargetBody] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SlaTargetBody)
  targets!: SlaTargetBody[];
  @ApiProperty({
    type: Object,
    description: 'weekday (0 = Sunday) → [["08:00","12:00"], …]; a missing or empty day is closed',
    example: { '1': [['08:00', '18:00']] },
  })
  @IsObject()
  businessHours!: Record<string, Array<[string, string]>>;
  @ApiProperty({ type: [HolidayBody] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => HolidayBody)
  holidays!: HolidayBody[];
}

export class SlaView implements SlaSettings {
  @ApiProperty() defaultMinutes!: number;
  @ApiProperty() businessHoursOnly!: boolean;
  @ApiProperty({ type: [SlaTargetBody] }) targets!: SlaTargetWire[];
  @ApiProperty({ type: Object }) businessHours!: Record<string, Array<[string, string]>>;
  @ApiProperty({ type: [HolidayBody] }) holidays!: HolidayWire[];
  @ApiProperty() timezone!: string;
}
