import type { CallbackAttemptOutcome } from '@mp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One HTTP attempt of a delivery, kept for the delivery log. */
@Entity({ name: 'delivery_attempts' })
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid') delivery_id!: string;
  @Column('uuid') team_id!: string;
  @Column('integer') round!: number;
  @Column('integer') attempt!: number;
  @Column('timestamptz') started_at!: Date;
  @Column('integer') duration_ms!: number;
  @Column('text') outcome!: CallbackAttemptOutcome;
  @Column('integer', { nullable: true }) status_code!: number | null;
  @Column('text', { nullable: true }) remote_address!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('text', { nullable: true }) response_excerpt!: string | null;
  @Column('timestamptz', { nullable: true }) next_retry_at!: Date | null;
}
