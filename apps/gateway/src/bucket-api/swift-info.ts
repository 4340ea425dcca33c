import { MAX_BULK_DELETES, MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES, MAX_METADATA_BYTES } from '@mp/contracts';
import { SLO_LIMITS } from './slo-manifest';

/**
 * `GET /info`: what this server serves of Swift. Only what works is advertised, so clients do not
 * switch on features that would fail.
 */
export function swiftInfo(config: { SWIFT_MAX_OBJECT_BYTES: number }) {
  return {
    swift: {
      version: '2.30.0',
      max_file_size: config.SWIFT_MAX_OBJECT_BYTES,
      max_object_name_length: MAX_OBJECT_NAME_BYTES,
      max_container_name_length: MAX_CONTAINER_NAME_BYTES,
      container_listing_limit: 10_000,
      account_listing_limit: 10_000,
      max_meta_count: 90,
      max_meta_name_length: 128,
      max_meta_value_length: 256,
      max_meta_overall_size: MAX_METADATA_BYTES,
      allow_account_management: false,
      account_autocreate: true,
      valid_api_versions: ['v1'],
      policies: [{ name: 'default', default: true }],
    },
    slo: { ...SLO_LIMITS },
    bulk_delete: { max_deletes_per_request: MAX_BULK_DELETES, max_failed_deletes: MAX_BULK_DELETES },
    tempurl: {
      methods: ['GET', 'HEAD', 'PUT'],
      allowed_digests: ['sha256', 'sha512'],
      incoming_remove_headers: ['x-timestamp'],
      outgoing_remove_headers: ['x-object-meta-*'],
    },
  };
}
