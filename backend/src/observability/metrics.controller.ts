import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { registry } from './metrics';

/** Prometheus scrape endpoint, behind `Authorization: Bearer $METRICS_TOKEN`; 404 without a token configured. */
@ApiExcludeController()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = this.config.metricsToken;
    if (!token) throw new AppError('NOT_FOUND', 404, 'not found');
    if (!authorization || !sameToken(authorization, `Bearer ${token}`))
      throw new AppError('UNAUTHENTICATED', 401, 'metrics need the bearer token');
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
