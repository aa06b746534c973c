import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import type { QueueBoardAccess } from '@resonance/contracts';
import { QUEUE_BACKEND, type QueueBackend } from '@resonance/queue';
import type { AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { inBoardWorkspace } from './queue-board-access';
import { QUEUE_BOARD_PATH } from './queue-board-path';

class QueueBoardAccessView implements QueueBoardAccess {
  @ApiProperty() available!: boolean;
  @ApiProperty({ example: QUEUE_BOARD_PATH }) path!: string;
}

/** Tells the dashboard whether to offer the admin a link to bull-board (mounted by mountQueueBoard). */
@ApiTags('admin')
@Controller('queue-board')
@Authenticated('admin')
export class QueueBoardController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether this admin may open the queue board (bull-board) at /admin/queues' })
  @ApiOkResponse({ type: QueueBoardAccessView })
  access(@CurrentUser() user: AuthUser): QueueBoardAccess {
    const available = this.config.QUEUE_BOARD === 'admins' && this.backend.kind === 'redis' && inBoardWorkspace(user, this.config);
    return { available, path: QUEUE_BOARD_PATH };
  }
}
