import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { insertReturning } from '@mp/platform';
import { DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'team_id' | 'email' | 'name'>;

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fails with a foreign key violation (unknown team) or a unique violation (e-mail taken in the team). */
  insert(user: NewUser): Promise<UserEntity> {
    return insertReturning(this.dataSource.manager, UserEntity, user);
  }

  listByTeam(teamId: string): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, {
      where: { team_id: teamId },
      order: { created_at: 'ASC', id: 'ASC' },
    });
  }
}
