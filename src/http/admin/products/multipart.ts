/** Multipart forms in the admin: the CSRF token travels in the query (read before the body streams) and the file is read with its size limit. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A route-level preValidation: the CSRF guard reads `_csrf` from the body, which a multipart request has not parsed yet. */
export async function csrfFromQuery(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = (request.query as Record<string, unknown> | undefined)?._csrf;
  if (request.isMultipart() && request.body === undefined && typeof token === 'string') request.body = { _csrf: token };
}

export type Upload = { fields: Record<string, string>; file: Buffer | 'too_large' | null };

export async function readUpload(request: FastifyRequest, fileField: string): Promise<Upload> {
  const upload: Upload = { fields: {}, file: null };
  if (!request.isMultipart()) return upload;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === fileField && upload.file === null) upload.file = bytes.length ? bytes : null;
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // Over the multipart size limit: reported to the person as a field error, not as a failed request.
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    upload.file = 'too_large';
  }
  return upload;
}
