export { imageCallbackUrlSchema, imageOperationIdSchema, imagePathSchema } from './image-params';
export * from './image-object-keys';
export * from './image-operations.dto';
export * from './image-result-codes';
export * from './image-rpc';
export * from './image-shapes.dto';
export * from './image-tree.dto';
export * from './media-variants.dto';
