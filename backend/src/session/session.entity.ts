import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** express-session rows for the embedded mode (Redis holds them in production). */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid!: string;

  @Column({ type: 'text' })
  data!: string;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
