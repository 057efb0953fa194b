import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { CreateReportDto } from './dto';
import { ReportDto } from './responses';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@Controller('reports')
@SignedIn()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Report an artwork, stage, message or user you can see',
    description:
      'One open report per reporter and target: reporting it again answers 200 with the open report.',
  })
  @ApiCreatedResponse({ type: ReportDto, description: 'Report filed' })
  @ApiOkResponse({ type: ReportDto, description: 'You already have an open report on this target: that one' })
  @ApiErrors(400, 401, 403, 404)
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateReportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportDto> {
    // The status is HTTP's business, so it is set here; the service only says whether it created.
    const { report, created } = await this.reports.create(user, dto);
    res.status(created ? 201 : 200);
    return report;
  }
}
