import { Module } from '@nestjs/common';
import { ThreadsModule } from '../threads/threads.module';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({ imports: [ThreadsModule], controllers: [ContactsController], providers: [ContactsService, ContactsRepository] })
export class ContactsModule {}
