/** The success header of every image API answer. */
export const IMAGE_SUCCESS_HEADER = { isSuccessful: true, resultCode: 0, resultMessage: 'Success' } as const;

export function imageOk<T extends object>(body: T): { header: typeof IMAGE_SUCCESS_HEADER } & T {
  return { header: IMAGE_SUCCESS_HEADER, ...body };
}
