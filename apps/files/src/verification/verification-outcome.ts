/** `ignored`: a write to the staging key of a session already decided (or of none); the object was deleted. */
export type VerificationOutcome = 'activated' | 'rejected' | 'unchanged' | 'unknown-key' | 'missing-object' | 'ignored';
