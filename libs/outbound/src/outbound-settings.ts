import { z } from 'zod';
import { parseAllowlist } from './outbound-policy';
import { parsePorts } from './outbound-ports';

/** A comma-separated list setting parsed by `parse`; its error becomes a config issue naming the bad entry. */
const listSetting = <T>(parse: (value: string) => T, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx): T => {
      try {
        return parse(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    });

/** `OUTBOUND_ALLOWED_PORTS`: the ports outbound requests (callbacks) may use; the seed allows 80 and 443. */
export const outboundPortsSettingSchema = listSetting(parsePorts, '80,443');

/** `OUTBOUND_ALLOWLIST`: host names, addresses and CIDR ranges outbound requests may reach although not public. */
export const outboundAllowlistSettingSchema = listSetting(parseAllowlist, '');

/** The outbound guard's settings, for an app's config schema. */
export const outboundConfigSchema = z.object({
  OUTBOUND_ALLOWLIST: outboundAllowlistSettingSchema,
  OUTBOUND_ALLOWED_PORTS: outboundPortsSettingSchema,
});
