import { FilesConfig } from '../app.config';
import { RetentionSettings } from './expiry-policy';

export function retentionSettings(config: FilesConfig): RetentionSettings {
  return {
    defaultDays: config.FILE_RETENTION_DAYS,
    minDays: config.FILE_RETENTION_MIN_DAYS,
    maxDays: config.FILE_RETENTION_MAX_DAYS,
  };
}
