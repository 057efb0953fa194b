import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BlockEntity } from './block.entity';
import { BlocksService } from './blocks.service';
import { PainterSearchListener } from './painter-search.listener';
import { UserEntity } from './user.entity';
import { UserMapper } from './user.mapper';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, BlockEntity])],
  controllers: [UsersController],
  providers: [UsersService, UserMapper, PainterSearchListener, BlocksService],
  exports: [UsersService, UserMapper, BlocksService],
})
export class UsersModule {}
