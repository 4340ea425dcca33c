import { Global, Module } from '@nestjs/common';
import { KeyAuthenticator } from './key-authenticator.service';

/** API-key authentication every dialect's guard uses (one principal cache per gateway process). */
@Global()
@Module({ providers: [KeyAuthenticator], exports: [KeyAuthenticator] })
export class AuthModule {}
