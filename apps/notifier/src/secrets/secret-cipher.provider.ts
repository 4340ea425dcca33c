import { Provider } from '@nestjs/common';
import { APP_CONFIG, SecretCipher } from '@mp/platform';
import { NotifierConfig } from '../app.config';

export const secretCipherProvider: Provider = {
  provide: SecretCipher,
  inject: [APP_CONFIG],
  useFactory: (config: NotifierConfig) =>
    new SecretCipher(config.CALLBACK_SECRET_ENCRYPTION_KEY, 'CALLBACK_SECRET_ENCRYPTION_KEY'),
};
