import { BootedApp, bootApp, createTestInfra, TestInfra } from '@mp/testing';
import { DataSource } from 'typeorm';
import { searchIndexerConfigSchema } from '../src/app.config';
import { PostgresSearchBackend } from '../src/search/postgres/postgres-search.backend';
import { startSearchIndexer } from '../src/start';
import { searchBackendContract } from './support/search-backend.contract';

describe('search backend contract: PostgreSQL', () => {
  let infra: TestInfra;
  let booted: BootedApp;

  searchBackendContract(
    async () => {
      infra = await createTestInfra({ s3: true });
      booted = await bootApp({ schema: searchIndexerConfigSchema, start: startSearchIndexer, env: infra.env });
      return { backend: new PostgresSearchBackend(booted.app.get(DataSource)), settle: async () => {} };
    },
    async () => {
      await booted?.close();
      await infra?.dispose();
    },
  );
});
