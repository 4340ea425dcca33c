import type { ApiKeyKind } from '@mp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An issued credential. Only the SHA-256 of its secret is kept; `hint` is safe to show. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') team_id!: string;
  @Column('uuid', { nullable: true }) user_id!: string | null;
  @Column('text') kind!: ApiKeyKind;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text') key_hash!: string;
  @Column('text') hint!: string;
  /** Image keys only: the public identifier that appears in URL paths. */
  @Column('text', { nullable: true }) app_key!: string | null;
  @Column('timestamptz') created_at!: Date;
  @Column('timestamptz', { nullable: true }) last_used_at!: Date | null;
  @Column('timestamptz', { nullable: true }) revoked_at!: Date | null;
}
