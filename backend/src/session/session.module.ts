import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_COOKIE } from '@gallery/contracts';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { SessionEntity } from './session.entity';
import { createSessionStore } from './session-store';

/** Injection token of the express-session middleware, shared by REST and the Socket.IO handshake. */
export const SESSION_MIDDLEWARE = Symbol('SESSION_MIDDLEWARE');

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [
    {
      provide: SESSION_MIDDLEWARE,
      inject: [AppConfig, REDIS, DataSource],
      useFactory: (config: AppConfig, redis: RedisClient, dataSource: DataSource): RequestHandler =>
        session({
          name: SESSION_COOKIE,
          secret: config.sessionSecret,
          store: createSessionStore(redis, dataSource),
          resave: false,
          saveUninitialized: false,
          rolling: true,
          cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: undefined },
        }),
    },
  ],
  exports: [SESSION_MIDDLEWARE],
})
export class SessionModule {}
