import { ConfigError, loadConfig } from '@mp/platform';
import { searchIndexerConfigSchema, selectedBackend } from './app.config';

describe('search-indexer config', () => {
  it('defaults to the Postgres backend, 7-day download URLs and batches of 500', () => {
    const config = loadConfig(searchIndexerConfigSchema, {});
    expect(config).toMatchObject({
      DOWNLOAD_URL_TTL_SECONDS: 604800,
      INDEX_BATCH_SIZE: 500,
      ELASTICSEARCH_INDEX: 'files',
    });
    expect(selectedBackend(config)).toBe('postgres');
  });

  it('selects Elasticsearch when its URL is set, unless told otherwise', () => {
    const url = 'http://127.0.0.1:9200';
    expect(selectedBackend(loadConfig(searchIndexerConfigSchema, { ELASTICSEARCH_URL: url }))).toBe('elasticsearch');
    expect(
      selectedBackend(loadConfig(searchIndexerConfigSchema, { ELASTICSEARCH_URL: url, SEARCH_BACKEND: 'postgres' })),
    ).toBe('postgres');
    expect(
      selectedBackend(
        loadConfig(searchIndexerConfigSchema, { ELASTICSEARCH_URL: url, SEARCH_BACKEND: 'elasticsearch' }),
      ),
    ).toBe('elasticsearch');
  });

  it('refuses Elasticsearch without a URL, and unknown backends, saying so', () => {
    expect(() => loadConfig(searchIndexerConfigSchema, { SEARCH_BACKEND: 'elasticsearch' })).toThrow(
      'ELASTICSEARCH_URL: is required when SEARCH_BACKEND is "elasticsearch"',
    );
    expect(() => loadConfig(searchIndexerConfigSchema, { SEARCH_BACKEND: 'solr' })).toThrow(ConfigError);
    expect(() => loadConfig(searchIndexerConfigSchema, { ELASTICSEARCH_URL: 'not a url' })).toThrow(
      /ELASTICSEARCH_URL/,
    );
    expect(() => loadConfig(searchIndexerConfigSchema, { ELASTICSEARCH_INDEX: 'Files' })).toThrow(
      /ELASTICSEARCH_INDEX/,
    );
  });

  it('bounds the download URL lifetime by what SigV4 allows and the batch size', () => {
    expect(() => loadConfig(searchIndexerConfigSchema, { DOWNLOAD_URL_TTL_SECONDS: '604801' })).toThrow(
      /DOWNLOAD_URL_TTL_SECONDS/,
    );
    expect(() => loadConfig(searchIndexerConfigSchema, { INDEX_BATCH_SIZE: '0' })).toThrow(/INDEX_BATCH_SIZE/);
  });
});
