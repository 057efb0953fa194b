import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworksModule } from '../artworks/artworks.module';
import { ChatModule } from '../chat/chat.module';
import { CommentsModule } from '../comments/comments.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { ReportEntity } from './report.entity';
import { ReportTargets } from './report-targets';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Moderation: reports from anyone signed in (the admin queue and actions come next). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportEntity]),
    UsersModule,
    ArtworksModule,
    StagesModule,
    ChatModule,
    CommentsModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsService, ReportTargets],
  exports: [ReportTargets, ReportsService, TypeOrmModule],
})
export class ReportsModule {}
