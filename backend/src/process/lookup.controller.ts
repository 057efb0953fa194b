import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LIMITS } from '@gallery/contracts';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { OptionalUser } from '../common/current-user';
import { TempUploadStorage, type TempUpload } from '../storage/temp-upload.storage';
import { LookupService } from './lookup.service';
import { LookupResultDto } from './responses';

const upload = FileInterceptor('file', {
  storage: new TempUploadStorage(),
  limits: { fileSize: LIMITS.imageBytes, files: 1, fields: 5 },
});

@ApiTags('process')
@Controller('lookup')
export class LookupController {
  constructor(private readonly lookups: LookupService) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiOperation({
    summary:
      'Which public stage is this image? Exact (SHA-256 of the original) or near (perceptual hash), best first',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 403, 413, 415)
  @ApiOkResponse({ type: LookupResultDto })
  lookup(
    @OptionalUser() viewer: AuthUser | null,
    @UploadedFile() file: TempUpload | undefined,
  ): Promise<LookupResultDto> {
    return this.lookups.lookup(viewer?.id ?? null, file);
  }
}
