import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import type { PublicConfig } from '@resonance/contracts';

export class PublicConfigView implements PublicConfig {
  @ApiProperty({ description: 'true when the demo workspace and its well-known passwords exist (never in production)' })
  demoMode!: boolean;
}

/** No session needed: the login page asks before anyone signs in. Says nothing an attacker could use. */
@ApiTags('config')
@Controller('config')
export class PublicConfigController {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get()
  @ApiOperation({ summary: 'What the dashboard needs to know before sign-in (demo mode on or off)' })
  @ApiOkResponse({ type: PublicConfigView })
  get(): PublicConfigView {
    return { demoMode: this.config.DEMO_MODE };
  }
}
