import { Injectable } from '@nestjs/common';
import { RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { AppSettingsRepository } from './app-settings.repository';

/** Realtime service API (`GET/PUT …/users`): whether public URLs of missing results are produced on request. */
@Injectable()
export class RealtimeUserService {
  constructor(private readonly settings: AppSettingsRepository) {}

  @RpcHandler('images.user.get')
  async get(req: RpcParsedRequest<'images.user.get'>): Promise<RpcResponse<'images.user.get'>> {
    // The app's images live under `{base}/{appKey}/…`: the app key is its container.
    return {
      user: {
        appKey: req.app_key,
        containerName: req.app_key,
        realtimeService: await this.settings.realtimeService(req),
      },
    };
  }

  @RpcHandler('images.user.put')
  async put(req: RpcParsedRequest<'images.user.put'>): Promise<RpcResponse<'images.user.put'>> {
    await this.settings.setRealtimeService(req, req.realtimeService);
    return {};
  }
}
