import { Injectable } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@mp/contracts';
import { createTestInfra, TestInfra } from '../../src';
import { RpcClient, RpcHandler } from '@mp/platform';
import { bootPlatform } from './support/boot-platform';

const MISSING_TEAM = '00000000-0000-4000-8000-000000000000';

@Injectable()
class TeamHandlers {
  @RpcHandler('billing.team.get')
  getTeam(req: { team_id: string }) {
    if (req.team_id === MISSING_TEAM) throw new DomainError('TeamNotFound', 'Team not found', { team_id: req.team_id });
    return { id: req.team_id, name: 'alpha', created_at: new Date(0).toISOString() };
  }

  @RpcHandler('billing.team.list')
  listTeams(): never {
    throw new Error('connection to db-primary:5432 refused (password=hunter2)');
  }
}

/** How errors of RPC handlers reach the caller, through real NATS request/reply. */
describe('RPC error mapping', () => {
  let infra: TestInfra;
  let app: NestFastifyApplication;
  let rpc: RpcClient;

  beforeAll(async () => {
    infra = await createTestInfra();
    app = await bootPlatform(infra, { app: 'rpc-test', providers: [TeamHandlers] });
    rpc = app.get(RpcClient);
  });

  afterAll(async () => {
    await app?.close();
    await infra?.dispose();
  });

  it('answers with the result of the handler', async () => {
    const id = '3f1c2a7e-5b1d-4c8e-9f00-000000000001';
    await expect(rpc.request('billing.team.get', { team_id: id })).resolves.toEqual({
      id,
      name: 'alpha',
      created_at: new Date(0).toISOString(),
    });
  });

  it('carries a DomainError thrown in the handler to the caller: same code, message and details', async () => {
    const err = await rpc.request('billing.team.get', { team_id: MISSING_TEAM }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).toJSON()).toEqual({
      code: 'TeamNotFound',
      message: 'Team not found',
      details: { team_id: MISSING_TEAM },
    });
  });

  it('turns an unexpected error into an internal error that tells the caller nothing of it', async () => {
    const err = await rpc.request('billing.team.list', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).toJSON()).toEqual({ code: 'Internal', message: 'Internal error', details: {} });
  });

  it('refuses a request that fails the contract schema before the handler runs', async () => {
    const err = await rpc.request('billing.team.get', { team_id: 'not-a-uuid' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'ValidationFailed',
      details: { issues: [expect.objectContaining({ field: 'team_id' })] },
    });
  });

  it('reports a subject nobody serves as DependencyUnavailable', async () => {
    await expect(rpc.request('billing.team.create', { name: 'beta' } as never)).rejects.toMatchObject({
      code: 'DependencyUnavailable',
    });
  });
});
