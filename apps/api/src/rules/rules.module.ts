import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { RepliesModule } from '../replies/replies.module';
import { ThreadsModule } from '../threads/threads.module';
import { RuleActivityService } from './rule-activity.service';
import { RuleActivityController, RulesController } from './rules.controller';
import { RulesRepository } from './rules.repository';
import { RulesService } from './rules.service';

@Module({
  imports: [MessagesModule, ThreadsModule, RepliesModule],
  controllers: [RulesController, RuleActivityController],
  providers: [RulesService, RuleActivityService, RulesRepository],
})
export class RulesModule {}
