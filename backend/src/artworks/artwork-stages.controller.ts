import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { MultiUpload } from '../common/uploads';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LIMITS } from '@gallery/contracts';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user';
import { SignedInGuard } from '../common/guards';
import { ReorderStagesDto, UpdateStageDto } from '../stages/dto';
import { StageDto, StagesDto } from '../stages/responses';
import { TempUploadStorage, type TempUpload } from '../storage/temp-upload.storage';
import { ArtworkStagesService } from './artwork-stages.service';

const uploads = MultiUpload('files', LIMITS.filesPerUpload, {
  storage: new TempUploadStorage(),
  limits: { fileSize: LIMITS.imageBytes, files: LIMITS.filesPerUpload, fields: 10 },
});

@ApiTags('stages')
@Controller('albums/:albumId/stages')
@UseGuards(SignedInGuard)
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
  @ApiErrors(400, 401, 403, 404, 413, 415)
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @UploadedFiles() files: TempUpload[] | undefined,
  ): Promise<StagesDto> {
    return { stages: await this.stages.upload(user, albumId, files ?? []) };
  }

  @Put('order')
  @ApiOperation({ summary: 'Reorder: stageIds must be exactly the current stages' })
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
  @ApiErrors(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
  ): Promise<void> {
    return this.stages.remove(user, albumId, stageId);
  }
}
