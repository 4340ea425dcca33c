import 'reflect-metadata';
import { FILE_RECORDS_PAGE_MAX } from '@mp/contracts';
import { createLogger, loadConfig, RpcClient } from '@mp/platform';
import { connect } from 'nats';
import { DataSource } from 'typeorm';
import { searchIndexerConfigSchema, selectedBackend } from './app.config';
import { reindexFromFiles } from './reindex/reindex.runner';
import { createSearchBackend } from './search/search-backend.factory';

/**
 * `node apps/search-indexer/dist/reindex.js` (or `pnpm reindex`): rebuilds the configured search
 * backend from the files service's records (RPC `files.records.page`), with the same environment
 * as the search-indexer. The running indexer keeps serving and indexing throughout.
 */
async function main(): Promise<void> {
  const config = loadConfig(searchIndexerConfigSchema);
  const logger = createLogger({ app: 'search-indexer-reindex', level: config.LOG_LEVEL });
  const nc = await connect({ servers: config.NATS_URL, name: 'search-indexer-reindex' });
  const dataSource = new DataSource({ type: 'postgres', url: config.DATABASE_URL, poolSize: 2 });
  if (selectedBackend(config) === 'postgres') await dataSource.initialize();
  const backend = await createSearchBackend({ config, dataSource });
  const rpc = new RpcClient(nc, config);
  const started = Date.now();
  try {
    const result = await reindexFromFiles({
      backend,
      pageSize: FILE_RECORDS_PAGE_MAX,
      fetchPage: (request) => rpc.request('files.records.page', request, { timeoutMs: 60_000 }),
      onProgress: ({ pages, documents }) => {
        if (pages % 50 === 0) logger.info({ pages, documents }, 'Reindex progress');
      },
    });
    logger.info(
      { backend: selectedBackend(config), ...result, seconds: (Date.now() - started) / 1000 },
      'Reindex finished',
    );
  } finally {
    await backend.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await nc.drain();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
