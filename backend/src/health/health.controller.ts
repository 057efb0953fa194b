import { Controller, Get, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { MediaStorage } from '../storage/media-storage';

@ApiTags('health')
@Controller('health')
@SkipThrottle()
export class HealthController {
  private readonly logger = new Logger('Health');
  /** The components down at the last check, to log changes only. */
  private lastDown = '';

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: MediaStorage,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Database, Redis (when configured) and storage status: 200 when all are up, else 503',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 3000 }),
        () => this.probe('storage', () => this.storage.check()),
        ...(this.redis ? [() => this.probe('redis', async () => void (await this.redis!.ping()))] : []),
      ]);
      this.report(result);
      return result;
    } catch (err) {
      // Keep terminus' per-component report on 503 instead of the generic error shape:
      // operators and load balancers read which part is down.
      if (!(err instanceof ServiceUnavailableException)) throw err;
      res.status(503).setHeader('Retry-After', '5');
      const result = err.getResponse() as HealthCheckResult;
      this.report(result);
      return result;
    }
  }

  private report(result: HealthCheckResult): void {
    const down = Object.entries(result.error ?? {})
      .map(([key, value]) => `${key} (${String((value as { message?: unknown }).message ?? 'down')})`)
      .join(', ');
    if (down === this.lastDown) return;
    if (down) this.logger.warn(`unhealthy: ${down}`);
    else this.logger.log('healthy again');
    this.lastDown = down;
  }

  private async probe<K extends string>(key: K, run: () => Promise<void>) {
    const indicator = this.indicators.check(key);
    try {
      await run();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
