import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person of a team; the e-mail is unique within the team, case-insensitively. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') team_id!: string;
  @Column('text') email!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('timestamptz') created_at!: Date;
}
