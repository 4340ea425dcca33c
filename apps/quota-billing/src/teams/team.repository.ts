import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { insertReturning } from '@mp/platform';
import { DataSource } from 'typeorm';
import { TeamEntity } from './team.entity';

@Injectable()
export class TeamRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(name: string): Promise<TeamEntity> {
    return insertReturning(this.dataSource.manager, TeamEntity, { name });
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
