import { Module } from '@nestjs/common';
import { QueueBoardController } from './queue-board.controller';

/** GET /api/queue-board; the board itself is mounted on express by mountQueueBoard. */
@Module({ controllers: [QueueBoardController] })
export class QueueBoardModule {}
