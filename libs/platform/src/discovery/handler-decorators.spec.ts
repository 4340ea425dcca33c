import 'reflect-metadata';
import type { EventEnvelope, JobData } from '@mp/contracts';
import { EVENT_HANDLER, EventHandler } from '../messaging/event-handler.decorator';
import { JOB_HANDLER, JobContext, JobHandler } from '../queues/job-handler.decorator';

/**
 * The decorators tie the method's parameter types to the subject or job name. The
 * `@ts-expect-error` lines are the assertions of the type checker (tsconfig.check.json): were
 * a wrong parameter type accepted, the directive itself would be an error.
 */
class Handlers {
  @EventHandler('files.file.updated')
  onUpdated(event: EventEnvelope<'files.file.updated'>): string {
    return event.id;
  }

  @EventHandler({ subject: 'files.file.deleted', concurrency: 2 })
  onDeleted(): void {}

  // @ts-expect-error the envelope of another subject
  @EventHandler('files.file.updated')
  onWrongSubject(event: EventEnvelope<'files.file.uploaded'>): void {
    void event;
  }

  @JobHandler('VerifyUpload')
  verify(data: JobData<'VerifyUpload'>, context: JobContext): string {
    return `${data.object_key}#${context.attempt}`;
  }

  // @ts-expect-error the data of another job
  @JobHandler('VerifyUpload')
  wrongJob(data: JobData<'ProcessBulkUpload'>): void {
    void data;
  }

  // @ts-expect-error narrower than what the job carries
  @JobHandler('VerifyUpload')
  narrower(data: { object_key: string; trigger: 'reconcile' }): void {
    void data;
  }

  // @ts-expect-error a context the worker does not pass
  @JobHandler('VerifyUpload')
  wrongContext(data: JobData<'VerifyUpload'>, context: { attempt: string }): void {
    void data;
    void context;
  }
}

describe('handler decorators', () => {
  it('record the subject and options on the method', () => {
    expect(Reflect.getMetadata(EVENT_HANDLER, Handlers.prototype.onUpdated)).toEqual({ subject: 'files.file.updated' });
    expect(Reflect.getMetadata(EVENT_HANDLER, Handlers.prototype.onDeleted)).toEqual({
      subject: 'files.file.deleted',
      concurrency: 2,
    });
  });

  it('record the job name on the method and leave the method itself unchanged', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.verify)).toEqual({ name: 'VerifyUpload' });
    const data = { object_key: 'a/b', trigger: 'reconcile' } as const;
    expect(new Handlers().verify(data, { attempt: 2, maxAttempts: 3 })).toBe('a/b#2');
  });
});
