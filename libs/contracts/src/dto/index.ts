export * from './file-document';
export * from './file-search.dto';
export * from './tenancy.dto';
export * from './upload-url.dto';
