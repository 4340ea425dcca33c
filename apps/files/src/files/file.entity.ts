import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FileStatus = 'pending' | 'active' | 'rejected';

const bigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One upload session and, once verified, the stored file. */
@Entity({ name: 'files' })
export class FileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') team_id!: string;
  @Column('uuid', { nullable: true }) user_id!: string | null;
  @Column('text') object_key!: string;
  /** Where the upload form writes; null for sessions verified in place (presigned PUT, older rows). */
  @Column('text', { nullable: true }) staging_key!: string | null;
  @Column('text') filename!: string;
  @Column('text') folder!: string;
  @Column('text', { nullable: true }) extension!: string | null;
  @Column('text') declared_content_type!: string;
  @Column('text', { nullable: true }) content_type!: string | null;
  @Column('bigint', { nullable: true, transformer: bigint }) size!: number | null;
  @Column('text', { nullable: true }) checksum_md5!: string | null;
  @Column('text', { nullable: true }) checksum_sha256!: string | null;
  /** ETag of the verified object; a different one in the store means the object was replaced. */
  @Column('text', { nullable: true }) etag!: string | null;
  @Column('integer', { nullable: true }) width!: number | null;
  @Column('integer', { nullable: true }) height!: number | null;
  @Column('text') status!: FileStatus;
  @Column('text', { nullable: true }) rejection_reason!: string | null;
  @Column('text') source!: 'upload' | 'prediction';
  @Column('text', { nullable: true }) upload_ip!: string | null;
  @Column('jsonb') metadata!: Record<string, unknown>;
  @Column('bigint', { transformer: bigint }) max_bytes!: number;
  @Column('timestamptz') upload_expires_at!: Date;
  @Column('timestamptz', { nullable: true }) last_checked_at!: Date | null;
  @Column('timestamptz', { nullable: true }) activated_at!: Date | null;
  @Column('timestamptz', { nullable: true }) expires_at!: Date | null;
  @Column('timestamptz') created_at!: Date;
  @Column('timestamptz') updated_at!: Date;
}
