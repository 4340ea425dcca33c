import { Controller, Get, Header, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayConfig } from '../app.config';
import { buildOpenApiDocument } from './openapi-document';
import { registeredDialects } from '../dialects/dialect-registry';
import type { DialectDoc } from './dialect-doc';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

/** Swagger UI at /docs with one OpenAPI document per dialect at /docs/<dialect>.json. */
@Controller('docs')
export class DocsController {
  private readonly assetDir = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(): string {
    const urls = documentedDialects().map((d) => ({ url: `/docs/${d.id}.json`, name: d.docs.title }));
    return `<!doctype html>
<html><head><meta charset="utf-8"><title>Media platform API</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ urls: ${JSON.stringify(urls)}, dom_id: '#ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body></html>`;
  }

  @Get('assets/:file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const type = ASSETS[file];
    if (!type) throw new NotFoundException();
    await reply
      .header('content-type', type)
      .header('cache-control', 'public, max-age=86400')
      .send(readFileSync(join(this.assetDir, file)));
  }

  @Get(':document')
  document(@Param('document') document: string, @Req() request: FastifyRequest): Record<string, unknown> {
    const dialect = documentedDialects().find((d) => `${d.id}.json` === document);
    if (!dialect) throw new NotFoundException();
    const server = this.config.PUBLIC_BASE_URL ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    return buildOpenApiDocument(dialect.docs, server);
  }
}

/** Dialects with an OpenAPI document, in registration order. */
function documentedDialects(): Array<{ id: string; docs: DialectDoc }> {
  return registeredDialects().flatMap((d) => (d.docs ? [{ id: d.id, docs: d.docs }] : []));
}
