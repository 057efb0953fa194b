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
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LIMITS } from '@gallery/contracts';
import { StageDto, StagesDto } from '../artworks/responses';
import { CurrentUser } from '../auth/current-user';
import { SignedInGuard } from '../auth/guards';
import { ApiErrors } from '../common/api-errors';
import type { UserEntity } from '../users/user.entity';
import { ReorderStagesDto, UpdateStageDto } from './dto';
import { StagesService } from './stages.service';
import { TempUploadStorage, type TempUpload } from './temp-upload.storage';

const uploads = FilesInterceptor('files', LIMITS.filesPerUpload, {
  storage: new TempUploadStorage(),
  limits: { fileSize: LIMITS.imageBytes, files: LIMITS.filesPerUpload, fields: 10 },
});

@ApiTags('stages')
@Controller('albums/:albumId/stages')
@UseGuards(SignedInGuard)
export class StagesController {
  constructor(private readonly stages: StagesService) {}

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
    @CurrentUser() user: UserEntity,
    @Param('albumId') albumId: string,
    @UploadedFiles() files: TempUpload[] | undefined,
  ): Promise<StagesDto> {
    return { stages: await this.stages.upload(user, albumId, files ?? []) };
  }

  @Put('order')
  @ApiOperation({ summary: 'Reorder: stageIds must be exactly the current stages' })
  @ApiErrors(400, 401, 403, 404)
  reorder(
    @CurrentUser() user: UserEntity,
    @Param('albumId') albumId: string,
    @Body() dto: ReorderStagesDto,
  ): Promise<StageDto[]> {
    return this.stages.reorder(user, albumId, dto);
  }

  @Patch(':stageId')
  @ApiOperation({ summary: "Edit a stage's kind, title or note" })
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: UserEntity,
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
    @CurrentUser() user: UserEntity,
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
    @CurrentUser() user: UserEntity,
    @Param('albumId') albumId: string,
    @Param('stageId') stageId: string,
  ): Promise<void> {
    return this.stages.remove(user, albumId, stageId);
  }
}
