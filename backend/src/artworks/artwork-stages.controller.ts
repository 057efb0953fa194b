import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { MultiUpload } from '../common/uploads';
import { LIMITS } from '@gallery/contracts';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { CreatePinDto, ReorderStagesDto, UpdatePinDto, UpdateStageDto } from '../stages/dto';
import { PinDto, StageDto, StagesDto } from '../stages/responses';
import { attachmentDisposition } from '../storage/content-types';
import { PRIVATE_CACHE_CONTROL } from '../storage/media-key';
import { TempUploadStorage, type TempUpload } from '../storage/temp-upload.storage';
import { ArtworkStagesService } from './artwork-stages.service';

const uploads = MultiUpload('files', LIMITS.filesPerUpload, {
  storage: new TempUploadStorage(),
  limits: { fileSize: LIMITS.imageBytes, files: LIMITS.filesPerUpload, fields: 10 },
});

@ApiTags('stages')
@Controller('albums/:albumId/stages')
@SignedIn()
/** The stages of an artwork, edited by its painter. */
export class ArtworkStagesController {
  constructor(private readonly stages: ArtworkStagesService) {}

  @Post()
  @UseInterceptors(uploads)
  @ApiOperation({ summary: 'Upload 1–20 images as new stages at the end; processed in the background' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiCreatedResponse({ type: StagesDto, description: 'The new stages, pending until processed' })
  @ApiParam({ name: 'albumId', description: 'Artwork id' })
  @ApiErrors(400, 401, 403, 404, 413, 415)
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @UploadedFiles() files: TempUpload[] | undefined,
  ): Promise<StagesDto> {
    return { stages: await this.stages.upload(user, albumId, files ?? []) };
  }

  @Get(':stageId/original')
  @ApiOperation({
    summary: "Download a stage's original upload (owner only; metadata such as GPS included)",
    description:
      'Streams the file with Cache-Control: private, no-store, or redirects (302) to a pre-signed URL ' +
      'valid for a few minutes when media live in S3. Originals have no public URL.',
  })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/tiff')
  @ApiResponse({ status: 200, description: 'The original', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 302, description: 'Redirect to a short-lived signed URL (S3)' })
  @ApiErrors(401, 403, 404)
  async original(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    const found = await this.stages.original(user, albumId, stageId);
    response.setHeader('Cache-Control', PRIVATE_CACHE_CONTROL);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if ('redirect' in found) {
      response.redirect(302, found.redirect);
      return undefined;
    }
    return new StreamableFile(found.object.body, {
      type: found.object.contentType,
      length: found.object.size ?? undefined,
      disposition: attachmentDisposition(found.fileName),
    });
  }

  @Put('order')
  @ApiOperation({ summary: 'Reorder: stageIds must be exactly the current stages' })
  @ApiOkResponse({ type: [StageDto], description: 'The stages in their new order' })
  @ApiParam({ name: 'albumId', description: 'Artwork id' })
  @ApiErrors(400, 401, 403, 404)
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Body() dto: ReorderStagesDto,
  ): Promise<StageDto[]> {
    return this.stages.reorder(user, albumId, dto);
  }

  @Patch(':stageId')
  @ApiOperation({ summary: "Edit a stage's kind, title or note" })
  @ApiOkResponse({ type: StageDto })
  @ApiParam({ name: 'albumId', description: 'Artwork id' })
  @ApiParam({ name: 'stageId', description: 'Stage id (within that artwork)' })
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
    @Body() dto: UpdateStageDto,
  ): Promise<StageDto> {
    return this.stages.update(user, albumId, stageId, dto);
  }

  @Post(':stageId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Process a failed stage again' })
  @ApiOkResponse({ type: StageDto, description: 'The stage, pending again' })
  @ApiParam({ name: 'albumId', description: 'Artwork id' })
  @ApiParam({ name: 'stageId', description: 'Stage id (within that artwork)' })
  @ApiErrors(401, 403, 404)
  retry(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
  ): Promise<StageDto> {
    return this.stages.retry(user, albumId, stageId);
  }

  @Delete(':stageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a stage and its images' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiParam({ name: 'albumId', description: 'Artwork id' })
  @ApiParam({ name: 'stageId', description: 'Stage id (within that artwork)' })
  @ApiErrors(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
  ): Promise<void> {
    return this.stages.remove(user, albumId, stageId);
  }

  @Post(':stageId/pins')
  @ApiOperation({ summary: "Pin a note to a point of the stage's image (x, y: 0..1 of the image)" })
  @ApiErrors(400, 401, 403, 404)
  @ApiCreatedResponse({ type: PinDto })
  addPin(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
    @Body() dto: CreatePinDto,
  ): Promise<PinDto> {
    return this.stages.addPin(user, albumId, stageId, dto);
  }

  @Patch(':stageId/pins/:pinId')
  @ApiOperation({ summary: 'Move a pin or edit its note' })
  @ApiErrors(400, 401, 403, 404)
  @ApiOkResponse({ type: PinDto })
  updatePin(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
    @Param('pinId') pinId: string,
    @Body() dto: UpdatePinDto,
  ): Promise<PinDto> {
    return this.stages.updatePin(user, albumId, stageId, pinId, dto);
  }

  @Delete(':stageId/pins/:pinId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a pin' })
  @ApiErrors(401, 403, 404)
  @ApiNoContentResponse({ description: 'Done; nothing to return' })
  removePin(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
    @Param('pinId') pinId: string,
  ): Promise<void> {
    return this.stages.removePin(user, albumId, stageId, pinId);
  }
}
