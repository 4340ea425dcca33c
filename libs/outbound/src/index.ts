export * from './address-classification';
export * from './host-resolver';
export * from './ip-address';
export * from './outbound-http.adapter';
export * from './outbound-policy';
export * from './outbound-refused.error';
export * from './outbound-target';
export * from './pinned-lookup';
