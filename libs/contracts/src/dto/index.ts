export * from './callbacks.dto';
export * from './file-distinct.dto';
export * from './file-document';
export * from './file-metadata.dto';
export * from './file-records.dto';
export * from './file-search.dto';
export * from './tenancy.dto';
export * from './upload-url.dto';
