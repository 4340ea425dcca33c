import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { aiImageConfigProvider } from './ai-image/ai-image.config';
import { AiImageKeyService } from './ai-image/ai-image-key.service';
import { AiImageProfileRepository } from './ai-image/ai-image-profile.repository';
import { ImageHistoryConsumer } from './ai-image/image-history.consumer';
import { ImageHistoryRepository } from './ai-image/image-history.repository';
import { ImageQuotaRepository } from './ai-image/image-quota.repository';
import { ImageQuotaService } from './ai-image/image-quota.service';
import { ImageUsageService } from './ai-image/image-usage.service';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator.service';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeyRepository } from './api-keys/api-key.repository';
import { ApiKeyService } from './api-keys/api-key.service';
import { QuotaBillingConfig } from './app.config';
import { migrations } from './migrations';
import { s3SecretCipherProvider } from './s3-credentials/s3-credentials.config';
import { S3CredentialsRepository } from './s3-credentials/s3-credentials.repository';
import { S3CredentialsService } from './s3-credentials/s3-credentials.service';
import { storageQuotaConfigProvider } from './storage-quota/storage-quota.config';
import { StorageQuotaRepository } from './storage-quota/storage-quota.repository';
import { StorageQuotaService } from './storage-quota/storage-quota.service';
import { TeamEntity } from './teams/team.entity';
import { TeamRepository } from './teams/team.repository';
import { TeamService } from './teams/team.service';
import { UserEntity } from './users/user.entity';
import { UserRepository } from './users/user.repository';
import { UserService } from './users/user.service';
import { AccountRepository } from './users-auth/account.repository';
import { AccountService } from './users-auth/account.service';
import { OrganizationRepository } from './users-auth/organization.repository';
import { OrganizationService } from './users-auth/organization.service';

export const APP_NAME = 'quota-billing';
export const DB_SCHEMA = 'billing';

@Module({})
export class QuotaBillingAppModule {
  static register(config: QuotaBillingConfig): DynamicModule {
    return serviceModule(
      QuotaBillingAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [TeamEntity, UserEntity, ApiKeyEntity], migrations },
      },
      {
        providers: [
          TeamRepository,
          TeamService,
          UserRepository,
          UserService,
          ApiKeyRepository,
          ApiKeyService,
          ApiKeyAuthenticator,
          storageQuotaConfigProvider,
          StorageQuotaRepository,
          StorageQuotaService,
          s3SecretCipherProvider,
          S3CredentialsRepository,
          S3CredentialsService,
          AccountRepository,
          AccountService,
          OrganizationRepository,
          OrganizationService,
          aiImageConfigProvider,
          AiImageProfileRepository,
          AiImageKeyService,
          ImageQuotaRepository,
          ImageQuotaService,
          ImageHistoryRepository,
          ImageHistoryConsumer,
          ImageUsageService,
        ],
      },
    );
  }
}
