const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the `{account}` of `/v1/{account}` is a project id (a UUID) at all. */
export const isProjectId = (account: string) => UUID.test(account);
