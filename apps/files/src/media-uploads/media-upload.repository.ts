import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { FileEntity } from '../files/file.entity';
import { NewUploadSession } from '../files/file.repository';

/** Registers presigned-PUT sessions as pending file records whose id is the `file_id` in their key. */
@Injectable()
export class MediaUploadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertPending(id: string, session: NewUploadSession): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(FileEntity)
      .values({ id, ...session, status: 'pending', source: 'upload' } as QueryDeepPartialEntity<FileEntity>)
      .execute();
  }
}
