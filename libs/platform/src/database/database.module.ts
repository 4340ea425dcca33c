import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { BaseConfig } from '../config';
import { HealthRegistry } from '../health';
import { APP_CONFIG, APP_NAME } from '../tokens';
import { runMigrations } from './run-migrations';

export interface DatabaseOptions {
  /** The Postgres schema this app owns; nothing else writes to it. */
  schema: string;
  entities: Function[];
  migrations: Function[];
}

export const DATABASE_SCHEMA = Symbol('DATABASE_SCHEMA');

@Injectable()
class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}
  onModuleInit(): void {
    this.health.register({ name: 'postgres', check: async () => void (await this.dataSource.query('SELECT 1')) });
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG, APP_NAME],
          useFactory: (config: BaseConfig, app: string) => ({
            type: 'postgres' as const,
            url: config.DATABASE_URL,
            schema: options.schema,
            entities: options.entities,
            migrations: options.migrations,
            migrationsTableName: 'migrations',
            synchronize: false,
            migrationsRun: false,
            applicationName: app,
            extra: { max: config.DB_POOL_SIZE },
            __migrate: config.DB_MIGRATE_ON_BOOT,
          }),
          dataSourceFactory: async (opts) => {
            const { __migrate, ...dsOptions } = opts as DataSourceOptions & { __migrate: boolean };
            const dataSource = await new DataSource(dsOptions).initialize();
            if (__migrate) await runMigrations(dataSource, options.schema);
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseHealth, { provide: DATABASE_SCHEMA, useValue: options.schema }],
      exports: [DATABASE_SCHEMA],
    };
  }
}
