/** Where the gateway stores admin LoRA uploads: `loras/{team_id}/{uuid}_{safe_filename}`. */
export const LORA_UPLOAD_PREFIX = 'loras/';
