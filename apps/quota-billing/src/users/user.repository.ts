import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'team_id' | 'email' | 'name'>;

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fails with a foreign key violation (unknown team) or a unique violation (e-mail taken in the team). */
  async insert(user: NewUser): Promise<UserEntity> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .returning('*')
      .execute();
    return (result.raw as UserEntity[])[0];
  }

  listByTeam(teamId: string): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, {
      where: { team_id: teamId },
      order: { created_at: 'ASC', id: 'ASC' },
    });
  }
}
