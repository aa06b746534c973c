import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationList, NotificationSettings } from '@resonance/contracts';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { BigintIdPipe } from '../common/ids';
import { NotificationListView, NotificationSettingsView, UpdateNotificationSettingsBody } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** The signed-in user's own notifications and notification settings (nobody sees another's). */
@ApiTags('notifications')
@Controller('notifications')
@Authenticated(...ALL_ROLES)
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My newest notifications (at most 50) and how many are unread' })
  @ApiOkResponse({ type: NotificationListView })
  list(@CurrentUser() user: AuthUser): Promise<NotificationList> {
    return this.notifications.list(user);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiNoContentResponse()
  markAllRead(@CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiNoContentResponse()
  markRead(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<void> {
    return this.notifications.markRead(user, id);
  }

  @Get('settings')
  @ApiOperation({ summary: 'My notification settings: per kind in-app and e-mail, the e-mail language, and whether this server sends e-mail' })
  @ApiOkResponse({ type: NotificationSettingsView })
  settings(@CurrentUser() user: AuthUser): Promise<NotificationSettings> {
    return this.notifications.settings(user);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change my notification settings (any part)' })
  @ApiOkResponse({ type: NotificationSettingsView })
  saveSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateNotificationSettingsBody): Promise<NotificationSettings> {
    return this.notifications.saveSettings(user, body);
  }
}
