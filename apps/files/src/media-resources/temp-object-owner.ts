import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Who uploaded a temp object, from its upload session in `files.files` (the presigned PUT flow
 * registers one). `unregistered` objects carry an unguessable file id in their key and are
 * accepted; an object registered to another team, or rejected by verification, is not.
 */
@Injectable()
export class TempObjectOwner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(teamId: string, key: string): Promise<'own' | 'unregistered' | 'foreign' | 'rejected'> {
    const rows: Array<{ team_id: string; status: string }> = await this.dataSource.query(
      'SELECT team_id, status FROM files.files WHERE object_key = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return 'unregistered';
    if (row.team_id !== teamId) return 'foreign';
    return row.status === 'rejected' ? 'rejected' : 'own';
  }
}
