import { ConfigError, loadConfig } from '@mp/platform';
import { searchIndexerConfigSchema } from './app.config';

describe('search-indexer config', () => {
  it('defaults to the Postgres backend and 7-day download URLs', () => {
    expect(loadConfig(searchIndexerConfigSchema, {})).toMatchObject({ SEARCH_BACKEND: 'postgres', DOWNLOAD_URL_TTL_SECONDS: 604800 });
  });

  it('refuses a backend this build does not have, saying so', () => {
    expect(() => loadConfig(searchIndexerConfigSchema, { SEARCH_BACKEND: 'elasticsearch', ELASTICSEARCH_URL: 'http://127.0.0.1:9200' })).toThrow(ConfigError);
    expect(() => loadConfig(searchIndexerConfigSchema, { SEARCH_BACKEND: 'elasticsearch' })).toThrow(
      'SEARCH_BACKEND: must be "postgres" (the Elasticsearch backend is not available yet)',
    );
  });

  it('bounds the download URL lifetime by what SigV4 allows', () => {
    expect(() => loadConfig(searchIndexerConfigSchema, { DOWNLOAD_URL_TTL_SECONDS: '604801' })).toThrow(/DOWNLOAD_URL_TTL_SECONDS/);
  });
});
