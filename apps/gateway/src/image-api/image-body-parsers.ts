import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Lets raw image bodies (`PUT …/images`, Content-Type application/octet-stream or image/*) reach the
 * handler unread, so they are streamed to storage rather than buffered. Skips types another part of
 * the gateway already parses.
 */
@Injectable()
export class ImageBodyParsers implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const passThrough = (_req: unknown, _payload: unknown, done: (err: Error | null, body?: unknown) => void) =>
      done(null);
    if (!fastify.hasContentTypeParser('application/octet-stream'))
      fastify.addContentTypeParser('application/octet-stream', passThrough);
    const images = /^image\/[a-z0-9.+-]+$/i;
    if (!fastify.hasContentTypeParser(images)) fastify.addContentTypeParser(images, passThrough);
  }
}
