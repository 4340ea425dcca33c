import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team's callback signing secret, sealed (see SecretCipher); never logged. */
@Entity({ name: 'team_secrets' })
export class TeamSecretEntity {
  @PrimaryColumn('uuid') team_id!: string;
  @Column('text') sealed_secret!: string;
  @Column('text') hint!: string;
  @Column('timestamptz') created_at!: Date;
  @Column('timestamptz', { nullable: true }) revealed_at!: Date | null;
}
