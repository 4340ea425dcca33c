import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { answerInDialect, errorDialectOf } from './dialect-answer';
import { frameworkFailureOf } from './framework-failure';

/** The path of the request line at the start of what Node's parser refused, if it can be read there. */
export function requestPathOfRawPacket(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  const head = rawPacket.subarray(0, 2048).toString('latin1').trimStart();
  return /^[A-Z]+ (\/[^\s?#]*)/.exec(head)?.[1];
}

/** The start of the latest request line each connection sent: Node's parser refusal may carry a later chunk only. */
const requestHeads = new WeakMap<Socket, Buffer>();
const REQUEST_LINE_START = /^[A-Z]{3,10} \//;

/**
 * Remembers where each connection's latest request began, so a refusal of its over-long headers
 * (which arrive in several chunks) is still answered in the dialect of its path.
 */
export function rememberRequestLines(server: Server): void {
  server.on('connection', (socket: Socket) =>
    socket.on('data', (chunk: Buffer) => {
      if (REQUEST_LINE_START.test(chunk.subarray(0, 12).toString('latin1')))
        requestHeads.set(socket, chunk.subarray(0, 2048));
    }),
  );
}

/**
 * Fastify refusals raised before a route runs — a bad percent-encoding, a too-long path parameter
 * (`frameworkErrors`) — answered in the dialect of the path like every other error.
 */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const failure = frameworkFailureOf(error);
  const answer = answerInDialect(errorDialectOf(request.url.split('?')[0]), failure.error, failure.status);
  void reply.code(answer.status).type(answer.contentType).send(answer.body);
}

/**
 * What Node's HTTP parser refuses (headers or request line over 16 KB, malformed requests) never
 * reaches Fastify: the answer is written on the socket, in the dialect of the path when the
 * request line can be read, and the connection is closed.
 */
function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if ((error as { code?: string }).code === 'ECONNRESET' || socket.destroyed) return;
  const failure = frameworkFailureOf(error);
  const path = requestPathOfRawPacket(error.rawPacket) ?? requestPathOfRawPacket(requestHeads.get(socket)) ?? '/';
  const answer = answerInDialect(errorDialectOf(path), failure.error, failure.status);
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n` +
        `Content-Type: ${answer.contentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

export const GATEWAY_FASTIFY_OPTIONS = { frameworkErrors, clientErrorHandler } satisfies FastifyServerOptions;
