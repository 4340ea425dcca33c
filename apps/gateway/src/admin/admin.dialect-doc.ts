import { z } from 'zod';
import {
  apiKeySummarySchema,
  createApiKeyBodySchema,
  createTeamBodySchema,
  createUserBodySchema,
  createdApiKeySchema,
  setStorageLimitBodySchema,
  storageUsageSchema,
  teamSchema,
  updateAiImageKeyBodySchema,
  userSchema,
} from '@mp/contracts';
import type { DialectDoc } from '../docs/dialect-doc';

const teamPath = '/admin/v1/teams/{teamId}';

/** The admin API: teams, users, keys, accounts, organisations, storage quotas, callbacks. */
export const ADMIN_DOC: DialectDoc = {
  title: 'Admin API (tenancy)',
  description: 'Teams, users and API keys. Plaintext keys are returned once, at creation.',
  security: {
    name: 'AdminToken',
    scheme: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the deployment' },
  },
  errorExample: { error: { code: 'TeamNotFound', message: 'Team not found', details: {} } },
  operations: [
    {
      method: 'post',
      path: '/admin/v1/teams',
      summary: 'Create a team',
      body: createTeamBodySchema,
      response: teamSchema,
      status: 201,
    },
    {
      method: 'get',
      path: '/admin/v1/teams',
      summary: 'List teams',
      response: z.object({ teams: z.array(teamSchema) }),
      status: 200,
    },
    { method: 'get', path: teamPath, summary: 'Get a team', response: teamSchema, status: 200 },
    {
      method: 'post',
      path: `${teamPath}/users`,
      summary: 'Create a user',
      body: createUserBodySchema,
      response: userSchema,
      status: 201,
    },
    {
      method: 'get',
      path: `${teamPath}/users`,
      summary: 'List users',
      response: z.object({ users: z.array(userSchema) }),
      status: 200,
    },
    {
      method: 'post',
      path: `${teamPath}/api-keys`,
      summary: 'Create an API key (plaintext shown once)',
      body: createApiKeyBodySchema,
      response: createdApiKeySchema,
      status: 201,
    },
    {
      method: 'get',
      path: `${teamPath}/api-keys`,
      summary: 'List API keys',
      response: z.object({ keys: z.array(apiKeySummarySchema) }),
      status: 200,
    },
    {
      method: 'delete',
      path: `${teamPath}/api-keys/{keyId}`,
      summary: 'Revoke an API key',
      response: apiKeySummarySchema,
      status: 200,
    },
    {
      method: 'patch',
      path: `${teamPath}/api-keys/{keyId}`,
      summary:
        'Change a kikaku key’s AI Image profile (owner, email, quota_limit, used_count, status, expires_at, rate_limit_per_minute)',
      description:
        'Any of the fields; `quota_limit: null` restores the deployment default (AI_IMAGE_DEFAULT_QUOTA), `expires_at: null` removes the expiry. 404 for a key of another team or of another kind.',
      body: updateAiImageKeyBodySchema,
      response: apiKeySummarySchema,
      status: 200,
    },
    {
      method: 'get',
      path: `${teamPath}/api-keys/{keyId}/storage-quota`,
      summary: 'Storage quota of a kikaku_s3 key (S3 proxy)',
      response: storageUsageSchema,
      status: 200,
    },
    {
      method: 'put',
      path: `${teamPath}/api-keys/{keyId}/storage-quota`,
      summary: 'Set a kikaku_s3 key’s storage limit in bytes (null = deployment default)',
      body: setStorageLimitBodySchema,
      response: storageUsageSchema,
      status: 200,
    },
  ],
};
