export * from './callbacks.dto';
