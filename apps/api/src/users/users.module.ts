import { Module } from '@nestjs/common';
import { AccessLinksModule } from '../access-links/access-links.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AccessLinksModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
