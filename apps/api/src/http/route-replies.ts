// The plain-HTTP routes' answers: an error is `{ error: { code, message } }` with its status, and a
// multipart request's one file is read under a size limit, answering for the client when it cannot be.
import type {} from '@fastify/multipart'; // req.file()
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'UNAVAILABLE';

const statusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
};

export function fail(reply: FastifyReply, code: ErrorCode, message: string) {
  return reply.code(statusOf[code]).send({ error: { code, message } });
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Reads the one file of a multipart request, enforcing the size limit. On a bad request it has
 * already answered and returns null.
 */
export async function readSingleFile(req: FastifyRequest, reply: FastifyReply, maxBytes: number, what: string): Promise<Buffer | null> {
  const tooLarge = `The ${what} is larger than the ${megabytes(maxBytes)} limit.`;
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') {
      fail(reply, 'BAD_REQUEST', `Send the ${what} in a field named "file".`);
      return null;
    }
    const bytes = await part.toBuffer();
    // toBuffer() does not always throw when the limit falls on a chunk boundary: it then returns
    // the first maxBytes bytes. The stream's own flag is the reliable signal.
    if (part.file.truncated) {
      fail(reply, 'PAYLOAD_TOO_LARGE', tooLarge);
      return null;
    }
    return bytes;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      fail(reply, 'PAYLOAD_TOO_LARGE', tooLarge);
      return null;
    }
    if (code?.startsWith('FST_') || code === 'ECONNRESET') {
      fail(reply, 'BAD_REQUEST', 'The upload could not be read: send one file in a field named "file".');
      return null;
    }
    throw err;
  }
}
