export * from './bucket-acl.dto';
export * from './bucket-cors.dto';
export * from './bucket-names';
export * from './bucket-policy.dto';
export * from './bucket-rpc';
export * from './bucket.dto';
export * from './bulk-delete.dto';
export * from './swift-object.dto';
