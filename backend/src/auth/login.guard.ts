import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { validationFailed } from '../common/app-error';
import { VALIDATION_OPTIONS, validationMessages } from '../common/validation';
import { LoginDto } from './dto';

/**
 * passport-local behind a guard. Guards run before pipes, so the body is validated here first:
 * unknown fields and wrong types are a 400 whatever the credentials.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const errors = await validate(plainToInstance(LoginDto, req.body ?? {}), VALIDATION_OPTIONS);
    if (errors.length > 0) throw validationFailed(validationMessages(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
