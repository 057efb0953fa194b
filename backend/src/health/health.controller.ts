import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { MediaStorage } from '../storage/media-storage';

@ApiTags('health')
@Controller('health')
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: MediaStorage,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database, Redis (when configured) and storage status: 200 when all are up, else 503' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.probe('storage', () => this.storage.check()),
      ...(this.redis ? [() => this.probe('redis', async () => void (await this.redis!.ping()))] : []),
    ]);
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
