import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type LoginRequest, type RegisterRequest } from '@gallery/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PasswordRules, UsernameRules } from '../users/dto';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({
    minLength: LIMITS.username.min,
    maxLength: LIMITS.username.max,
    pattern: '^[a-z0-9_]+$',
    example: 'anna',
  })
  @UsernameRules()
  username!: string;

  @ApiProperty({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max })
  @PasswordRules()
  password!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.displayName.max, example: 'Anna Ancher' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(LIMITS.displayName.max, {
    message: `displayName must be at most ${LIMITS.displayName.max} characters`,
  })
  displayName?: string;
}

/** Checked loosely: a wrong name or password is a 401, not a hint about the rules. */
export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'anna' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, LIMITS.password.max)
  password!: string;

  @ApiPropertyOptional({ description: 'Keep me signed in for 30 days' })
  @IsOptional()
  @IsBoolean()
  remember?: boolean;
}
