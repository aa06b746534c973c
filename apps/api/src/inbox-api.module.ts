import { Module } from '@nestjs/common';
import { AccessLinksModule } from './access-links/access-links.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AvatarsModule } from './avatars/avatars.module';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { ChannelsModule } from './channels/channels.module';
import { ConnectModule } from './connect/connect.module';
import { ContactsModule } from './contacts/contacts.module';
import { DataCareModule } from './data-care/data-care.module';
import { ValidationModule } from './common/validation.module';
import { EventsModule } from './events/events.module';
import { MessagesModule } from './messages/messages.module';
import { NotesModule } from './notes/notes.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { RepliesModule } from './replies/replies.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { SettingsModule } from './settings/settings.module';
import { SlaModule } from './sla/sla.module';
import { RulesModule } from './rules/rules.module';
import { ThreadsModule } from './threads/threads.module';
import { UsersModule } from './users/users.module';

/** The unified inbox API of issue 9: accounts, roles, threads, replies, notes, live events, audit. */
@Module({
  imports: [
    ValidationModule,
    AuditModule,
    AuthModule,
    EventsModule,
    ThreadsModule,
    MessagesModule,
    RepliesModule,
    NotesModule,
    NotificationsModule,
    CannedResponsesModule,
    SavedViewsModule,
    UsersModule,
    AccessLinksModule,
    OnboardingModule,
    ChannelsModule,
    ConnectModule,
    SettingsModule,
    SlaModule,
    RulesModule,
    DataCareModule,
    AvatarsModule,
    ContactsModule,
  ],
})
export class InboxApiModule {}
