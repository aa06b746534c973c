import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  type NotificationChannels,
  type NotificationItem,
  type NotificationKind,
  type NotificationLanguage,
  type NotificationList,
  type NotificationSettings,
  type UpdateNotificationSettingsRequest,
  type UserRef,
} from '@resonance/contracts';

export class NotificationView implements NotificationItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ type: Object, nullable: true, description: '{id, name}' }) actor!: UserRef | null;
  @ApiProperty({ type: Object, nullable: true, description: '{id, contactName, network, preview}' }) thread!: NotificationItem['thread'];
  @ApiProperty({ type: Object, nullable: true, description: '{id, name, network}' }) channel!: NotificationItem['channel'];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotificationListView implements NotificationList {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationItem[];
  @ApiProperty() unread!: number;
}

export class NotificationChannelsBody implements NotificationChannels {
  @ApiProperty() @IsBoolean() inApp!: boolean;
  @ApiProperty() @IsBoolean() email!: boolean;
}

/** Each kind optional; validated one by one (a class, not a record, so unknown kinds are refused). */
export class NotificationKindsBody implements Partial<Record<NotificationKind, NotificationChannels>> {
  @ApiPropertyOptional({ type: NotificationChannelsBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationChannelsBody)
  assigned?: NotificationChannelsBody;
  @ApiPropertyOptional({ type: NotificationChannelsBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationChannelsBody)
  mentioned?: NotificationChannelsBody;
  @ApiPropertyOptional({ type: NotificationChannelsBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationChannelsBody)
  sla_warning?: NotificationChannelsBody;
  @ApiPropertyOptional({ type: NotificationChannelsBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationChannelsBody)
  channel_reauth?: NotificationChannelsBody;
}

export class UpdateNotificationSettingsBody implements UpdateNotificationSettingsRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES }) @IsOptional() @IsIn(NOTIFICATION_LANGUAGES) language?: NotificationLanguage;
  @ApiPropertyOptional({ type: NotificationKindsBody }) @IsOptional() @ValidateNested() @Type(() => NotificationKindsBody) kinds?: NotificationKindsBody;
}

export class NotificationSettingsView implements NotificationSettings {
  @ApiProperty() emailAvailable!: boolean;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) language!: NotificationLanguage;
  @ApiProperty({ type: NotificationKindsBody }) kinds!: NotificationSettings['kinds'];
}
