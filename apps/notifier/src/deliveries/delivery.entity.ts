import type { CallbackDeliveryStatus } from '@mp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One callback a producer asked for; `payload` is the exact body sent (and signed) on every attempt. */
@Entity({ name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') team_id!: string;
  @Column('text') event_type!: string;
  @Column('text') url!: string;
  @Column('text') payload!: string;
  @Column('text', { nullable: true }) source!: string | null;
  @Column('text') status!: CallbackDeliveryStatus;
  @Column('integer') round!: number;
  @Column('integer') round_attempts!: number;
  @Column('integer') attempt_count!: number;
  @Column('integer') max_attempts!: number;
  @Column('timestamptz', { nullable: true }) next_attempt_at!: Date | null;
  @Column('integer', { nullable: true }) last_status_code!: number | null;
  @Column('text', { nullable: true }) last_error!: string | null;
  @Column('timestamptz') created_at!: Date;
  @Column('timestamptz') updated_at!: Date;
  @Column('timestamptz', { nullable: true }) completed_at!: Date | null;
}
