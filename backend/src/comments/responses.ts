import { ApiProperty } from '@nestjs/swagger';
import type { Comment, Page } from '@gallery/contracts';
import { UserSummaryDto } from '../users/responses';

export class CommentDto implements Comment {
  @ApiProperty() id!: string;
  @ApiProperty() albumId!: string;
  @ApiProperty({ type: String, nullable: true }) stageId!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: UserSummaryDto }) author!: UserSummaryDto;
  @ApiProperty({ description: 'Markdown-lite: links, *emphasis*, **strong**; empty once deleted' })
  body!: string;
  @ApiProperty({ type: Number, nullable: true }) x!: number | null;
  @ApiProperty({ type: Number, nullable: true }) y!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty() deleted!: boolean;
  @ApiProperty() replyCount!: number;
}

export class CommentPageDto implements Page<Comment> {
  @ApiProperty({ type: [CommentDto] }) items!: CommentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
