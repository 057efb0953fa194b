import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworksModule } from '../artworks/artworks.module';
import { ChatModule } from '../chat/chat.module';
import { CommentsModule } from '../comments/comments.module';
import { ReportsModule } from '../reports/reports.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { AdminController } from './admin.controller';
import { AdminDirectory } from './admin-directory';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditLog } from './audit-log';
import { ModerationService } from './moderation.service';
import { ReportQueue } from './report-queue';

/** The admin's day: the report queue, the actions on artworks, messages, comments and accounts, the audit log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AuditEntryEntity]),
    UsersModule,
    ArtworksModule,
    StagesModule,
    ChatModule,
    CommentsModule,
    ReportsModule,
  ],
  controllers: [AdminController],
  providers: [AuditLog, ModerationService, ReportQueue, AdminDirectory],
})
export class AdminModule {}
