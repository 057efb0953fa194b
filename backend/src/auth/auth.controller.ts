import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '../common/api-errors';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { AuthRateLimit } from '../throttling/throttling.module';
import { MeDto, SessionStateDto } from '../users/responses';
import type { AuthUser } from '../common/auth-user';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { CurrentUser, OptionalUser } from '../common/current-user';
import { LoginDto, RegisterDto } from './dto';
import { SignedIn } from '../common/guards';
import { LoginGuard } from './login.guard';
import { signIn, signOut } from '../session/session-login';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly mapper: UserMapper,
    private readonly realtime: RealtimeEmitter,
  ) {}

  @Post('register')
  @AuthRateLimit()
  @ApiOperation({ summary: 'Create an account and sign in' })
  @ApiCreatedResponse({ type: MeDto, description: 'Created and signed in (session cookie set)' })
  @ApiErrors(400, 403, 409, 429)
  async register(@Req() req: Request, @Body() dto: RegisterDto): Promise<MeDto> {
    const user = await this.users.create(dto);
    await signIn(req, user, false);
    return this.mapper.me(user);
  }

  @Post('login')
  @HttpCode(200)
  @AuthRateLimit()
  @UseGuards(LoginGuard)
  @ApiOperation({ summary: 'Sign in; `remember` keeps the session for 30 days' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: MeDto, description: 'Signed in (session cookie set)' })
  @ApiErrors(400, 401, 403, 429)
  async login(@Req() req: Request, @CurrentUser() user: AuthUser): Promise<MeDto> {
    await signIn(req, user, (req.body as LoginDto).remember === true);
    return this.mapper.me(user);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out this session' })
  @ApiNoContentResponse({ description: 'Signed out (also when no one was signed in)' })
  @ApiErrors(403)
  async logout(@Req() req: Request): Promise<void> {
    const user = req.user as AuthUser | undefined;
    await signOut(req);
    // Live connections of this browser must not outlive the session they were opened with.
    if (user) this.realtime.disconnectUser(user.id);
  }

  @Get('session')
  @ApiOperation({
    summary: 'Who is signed in here, if anyone',
    description: 'Always 200: `me` is null when signed out, so a first visit logs no error.',
  })
  @ApiOkResponse({ type: SessionStateDto })
  @ApiErrors(429)
  session(@OptionalUser() user: AuthUser | null): SessionStateDto {
    return { me: user ? this.mapper.me(user) : null };
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'Who am I: the signed-in user' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentUser() user: AuthUser): MeDto {
    return this.mapper.me(user);
  }
}
