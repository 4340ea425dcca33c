import { z } from 'zod';
import { containerNameSchema } from './bucket-names';

/** `PUT /v1_ext/bucket/{name}/policy`: objects whose name starts with `target` expire `duration` days after their last change. */
export const createPolicyBodySchema = z.object({
  target: z.string({ error: 'target must be a string' }).max(1024, 'target is at most 1024 characters'),
  duration: z
    .number({ error: 'duration must be an integer number of days' })
    .int('duration must be an integer number of days')
    .min(1, 'duration must be at least 1 day')
    .max(36_500, 'duration must be at most 36500 days'),
});
export type CreatePolicyBody = z.infer<typeof createPolicyBodySchema>;

export const lifecyclePolicySchema = z.object({
  id: z.number().int(),
  target: z.string(),
  createdAt: z.string(),
  duration: z.number().int(),
});
export type LifecyclePolicy = z.infer<typeof lifecyclePolicySchema>;

export const policyListSchema = z.object({ policies: z.array(lifecyclePolicySchema) });
export type PolicyList = z.infer<typeof policyListSchema>;

export const policyParamsSchema = z.object({
  name: containerNameSchema,
  id: z.coerce
    .number({ error: 'policy id must be an integer' })
    .int('policy id must be an integer')
    .min(1, 'policy id must be positive')
    .max(2_147_483_647, 'policy id is too large'),
});
