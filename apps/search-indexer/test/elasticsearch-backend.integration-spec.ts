import { randomUUID } from 'node:crypto';
import { ElasticsearchSearchBackend } from '../src/search/elasticsearch/elasticsearch-search.backend';
import { searchBackendContract } from './support/search-backend.contract';

/** Runs only where an Elasticsearch 8 server is reachable: `ELASTICSEARCH_URL=http://127.0.0.1:9200`. */
const url = process.env.ELASTICSEARCH_URL;
const describeWithElasticsearch = url ? describe : describe.skip;

describeWithElasticsearch('search backend contract: Elasticsearch', () => {
  let backend: ElasticsearchSearchBackend | undefined;

  searchBackendContract(
    async () => {
      const created = await ElasticsearchSearchBackend.create({
        node: url as string,
        alias: `test-${randomUUID().slice(0, 8)}-files`,
      });
      backend = created;
      return { backend: created, settle: () => created.refresh() };
    },
    async () => {
      await backend?.dropAll();
      await backend?.close();
    },
  );
});
