import { z } from 'zod';

export const portalConfigSchema = z.object({
  /** The built portal (`apps/portal/dist`); unset = next to the gateway in this repository's layout. */
  PORTAL_DIR: z.string().min(1).optional(),
});
