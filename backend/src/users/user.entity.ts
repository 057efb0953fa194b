import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';
import type { Role } from '@gallery/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Always lower-case, so `Anna` and `anna` are one name. */
  @Column({ type: 'varchar', length: 30, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 60 })
  displayName!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  bio!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 10, default: 'user' })
  role!: Role;

  /** Storage key of the 256 px WebP avatar. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  avatarKey!: string | null;

  /** Bumped when the password changes: sessions carrying an older value are signed out. */
  @Column({ type: 'int', default: 0 })
  authVersion!: number;

  /** Unix ms an admin suspended the account (null: active): no sign-in, works and messages hidden. */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  suspendedAt!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  suspendedReason!: string | null;

  /** When the suspension ends by itself (null: until lifted). */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  suspendedUntil!: number | null;

  /** Accent-free, lower-case "username display name" for word search (FULLTEXT on MySQL). */
  @Column({ type: 'varchar', length: 100, default: '' })
  searchText!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
