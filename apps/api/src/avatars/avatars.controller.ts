import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import type { HttpResponse } from '../common/http';
import { BigintIdPipe } from '../common/ids';
import { AVATAR_TTL_MS, AvatarsService } from './avatars.service';

@ApiTags('contacts')
@Controller('contacts')
@Authenticated(...ALL_ROLES)
export class AvatarsController {
  constructor(@Inject(AvatarsService) private readonly avatars: AvatarsService) {}

  @Get(':id/avatar')
  @ApiOperation({
    summary: "A contact's profile picture, fetched by the api from the network (PNG, JPEG, GIF or WebP, at most 1 MB)",
    description: 'Only the picture stored for the contact in your workspace; the dashboard loads avatars from here, never from the networks.',
  })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOkResponse({ description: 'The image' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such contact in the workspace, or it has no avatar on a network image host' })
  @ApiBadGatewayResponse({ type: ErrorBody, description: 'The network did not deliver an acceptable image' })
  async avatar(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Res({ passthrough: true }) res: HttpResponse): Promise<StreamableFile> {
    const image = await this.avatars.avatarOf(user.workspaceId, id);
    // Private: only this signed-in browser may keep it (the page itself is per workspace).
    res.setHeader('Cache-Control', `private, max-age=${AVATAR_TTL_MS / 1000}`);
    return new StreamableFile(image.body, { type: image.type, length: image.body.length });
  }
}
