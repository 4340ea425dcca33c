export * from './provider.types';
export * from './provider-registry';
export * from './provider-routes';
export * from './secret';
export * from './ark/ark-image.provider';
export * from './local/local-image.provider';
export * from './watermark/watermark-step';
