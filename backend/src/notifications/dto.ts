import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  MarkNotificationsReadRequest,
  Notification,
  NotificationPage,
  NotificationSettings,
  NotificationType,
  UnreadCount,
} from '@gallery/contracts';
import { NOTIFICATION_TYPES } from '@gallery/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ArtworkCardDto } from '../artworks/responses';
import { UserSummaryDto } from '../users/responses';

export class MarkReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String], description: 'Absent: mark all read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  ids?: string[];
}

/** Any subset of the types; absent ones stay as they are. */
export class NotificationSettingsDto implements Partial<NotificationSettings> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() like?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() favorite?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() follow?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() comment?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reply?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() mention?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'new-artwork'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'report-resolved'?: boolean;
}

export class NotificationSettingsResponseDto implements NotificationSettings {
  @ApiProperty() like!: boolean;
  @ApiProperty() favorite!: boolean;
  @ApiProperty() follow!: boolean;
  @ApiProperty() comment!: boolean;
  @ApiProperty() reply!: boolean;
  @ApiProperty() mention!: boolean;
  @ApiProperty() 'new-artwork'!: boolean;
  @ApiProperty() 'report-resolved'!: boolean;
}

export class NotificationDto implements Notification {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @ApiProperty({ type: [UserSummaryDto], description: 'Newest first, the first few' })
  actors!: UserSummaryDto[];
  @ApiProperty() actorCount!: number;
  @ApiProperty({ type: ArtworkCardDto, nullable: true }) album!: ArtworkCardDto | null;
  @ApiProperty({ type: String, nullable: true }) commentId!: string | null;
  @ApiProperty() read!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() unreadCount!: number;
}

export class UnreadCountDto implements UnreadCount {
  @ApiProperty() unreadCount!: number;
}
