import { isHttpsUrl, type ContactDetails } from '../domain/contact-details';
import { parseContactPage } from './contact-page-parser';
import { isHtmlMediaType } from './media-types';
import { callService, type ServiceReply } from './service-request';
import { ServiceError } from './service-error';
import type { RequestContext, Transport } from './transport';

export interface ContactPageClient {
  /**
   * Reads a team's public contact-details page. `numbers` is empty when the page shows none (the
   * screen then offers the organisation's switchboard). Throws ServiceError (service 'contact-page').
   */
  getContactDetails(url: string, context: RequestContext): Promise<ContactDetails>;
}

/**
 * Largest contact page read, in bytes: trusts' pages with their menus are a few hundred kB. A
 * bigger reply is refused, not read into memory. Kept here until ServiceReply has the shared
 * per-service body limit (issue 7, point 5); then this becomes the contact page's entry there.
 */
export const MAX_CONTACT_PAGE_BYTES = 2 * 1024 * 1024;

export function createContactPageClient(o: { transport: Transport; timeoutMs?: number }): ContactPageClient {
  return {
    async getContactDetails(url, context) {
      if (!isHttpsUrl(url)) {
        throw new ServiceError({ service: 'contact-page', kind: 'unsupported', detail: 'Contact page URL is not an https:// URL' });
      }
      // A plain public GET: not via SSP, no credentials and no Spine headers (docs/national-apis.md §2.2).
      return callService({
        service: 'contact-page',
        transport: o.transport,
        context,
        timeoutMs: o.timeoutMs,
        method: 'GET',
        url,
        anonymous: true,
        read: async (reply) => {
          if (!isHtmlMediaType(reply.mediaType)) {
            throw reply.malformed(`Expected an HTML page but got ${reply.mediaType ?? 'no content type'}`);
          }
          return parseContactPage(await readCapped(reply, MAX_CONTACT_PAGE_BYTES), url);
        },
      });
    },
  };
}

/**
 * The reply's text, refused once it is larger than `limit` bytes: by its Content-Length before
 * reading, else by counting as it arrives (a chunked or compressed reply may not say).
 */
async function readCapped(reply: ServiceReply, limit: number): Promise<string> {
  const tooLarge = (size: string) => reply.malformed(`The page is ${size}, more than the ${limit} bytes this app reads`);
  const declared = Number(reply.response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) {
    // Not awaited: a source may never acknowledge the cancel, and nothing more is wanted from it.
    reply.response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${declared} bytes`);
  }
  const body = reply.response.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      throw new ServiceError({ service: 'contact-page', kind: 'network', detail: 'Connection lost while reading the page', status: reply.response.status, requestId: reply.requestId, cause });
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > limit) {
      reader.cancel().catch(() => undefined);
      throw tooLarge(`over ${limit} bytes`);
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
