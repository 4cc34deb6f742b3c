import { isHttpsUrl, type ContactDetails } from '../domain/contact-details';
import { readContactPage } from './contact-page-reader';
import { isHtmlMediaType } from './media-types';
import { callService } from './service-request';
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
 * bigger reply is refused ('too-large') by ServiceReply's limited reader, never read into memory.
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
        maxBytes: MAX_CONTACT_PAGE_BYTES,
        read: async (reply) => {
          if (!isHtmlMediaType(reply.mediaType)) {
            throw reply.malformed(`Expected an HTML page but got ${reply.mediaType ?? 'no content type'}`);
          }
          return readContactPage(await reply.text(), url, { signal: context.signal });
        },
      });
    },
  };
}
