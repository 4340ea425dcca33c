export * from './file-distinct.dto';
export * from './file-search.dto';
