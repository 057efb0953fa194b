import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworksModule } from '../artworks/artworks.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { CommentEntity } from './comment.entity';
import { CommentRules } from './comment-rules';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

/** Comments and critique on artworks and stages. */
@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity]), ArtworksModule, StagesModule, UsersModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentRules],
  exports: [CommentsService, TypeOrmModule],
})
export class CommentsModule {}
