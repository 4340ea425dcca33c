import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TeamEntity } from './team.entity';

@Injectable()
export class TeamRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(name: string): Promise<TeamEntity> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TeamEntity)
      .values({ name })
      .returning('*')
      .execute();
    return (result.raw as TeamEntity[])[0];
  }

  findById(id: string): Promise<TeamEntity | null> {
    return this.dataSource.manager.findOneBy(TeamEntity, { id });
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(TeamEntity, { id });
  }

  list(): Promise<TeamEntity[]> {
    return this.dataSource.manager.find(TeamEntity, { order: { created_at: 'ASC', id: 'ASC' } });
  }
}
