import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type ChangePasswordRequest, type UpdateProfileRequest } from '@gallery/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Decorators for a username field: trimmed, lower-cased, then checked. */
export function UsernameRules(): PropertyDecorator {
  return (target, key) => {
    Transform(lowerTrim)(target, key);
    IsString()(target, key);
    Length(LIMITS.username.min, LIMITS.username.max, {
      message: `username must be ${LIMITS.username.min} to ${LIMITS.username.max} characters`,
    })(target, key);
    Matches(LIMITS.username.pattern, {
      message: 'username may contain only letters a–z, digits and underscores',
    })(target, key);
  };
}

/** Decorators for a new password. */
export function PasswordRules(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Length(LIMITS.password.min, LIMITS.password.max, {
      message: `password must be ${LIMITS.password.min} to ${LIMITS.password.max} characters`,
    })(target, key);
  };
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.displayName.max })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, LIMITS.displayName.max, {
    message: `displayName must be 1 to ${LIMITS.displayName.max} characters`,
  })
  displayName?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.bio.max })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.bio.max, { message: `bio must be at most ${LIMITS.bio.max} characters` })
  bio?: string;

  @ApiPropertyOptional({
    minLength: LIMITS.username.min,
    maxLength: LIMITS.username.max,
    pattern: '^[a-z0-9_]+$',
  })
  @IsOptional()
  @UsernameRules()
  username?: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(LIMITS.password.max)
  currentPassword!: string;

  @ApiProperty({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max })
  @PasswordRules()
  newPassword!: string;
}
