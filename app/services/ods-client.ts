import * as z from 'zod/mini';
import { isOdsCode, type Organisation } from '../domain/organisation';
import { callService, serviceUrl } from './service-request';
import { ServiceError } from './service-error';
import { spineHeaders } from './spine-headers';
import { newRequestId, type RequestContext, type Transport } from './transport';

export interface OdsClient {
  /** Throws ServiceError (service 'ods'); an unknown code is not-found. */
  getOrganisation(odsCode: string, context: RequestContext): Promise<Organisation>;
}

/** The parts of an ODS FHIR R4 Organization we use (docs/national-apis.md §4 option B). */
export const OdsOrganization = z.object({
  resourceType: z.literal('Organization'),
  id: z.optional(z.string()),
  name: z.string().check(z.trim(), z.minLength(1)),
  telecom: z.optional(z.array(z.object({ system: z.optional(z.string()), value: z.optional(z.string()) }))),
});
export type OdsOrganization = z.infer<typeof OdsOrganization>;

export function createOdsClient(o: { transport: Transport; baseUrl: string; timeoutMs?: number }): OdsClient {
  return {
    async getOrganisation(odsCode, context) {
      const code = odsCode.trim().toUpperCase();
      // Pointer data is outside our control; a bad code must not become a path on the gateway.
      if (!isOdsCode(code)) {
        throw new ServiceError({ service: 'ods', kind: 'rejected', detail: 'Not an ODS code (not sent): expected 3–12 letters and digits' });
      }
      const requestId = newRequestId();
      return callService({
        service: 'ods',
        transport: o.transport,
        context,
        timeoutMs: o.timeoutMs,
        method: 'GET',
        url: serviceUrl(o.baseUrl, `Organization/${code}`),
        headers: spineHeaders({ requestId, context }),
        requestId,
        read: async (reply) => {
          const organization = await reply.json(OdsOrganization);
          const phone = organization.telecom?.find((t) => t.system === 'phone' && t.value?.trim());
          return { odsCode: code, name: organization.name, switchboard: phone?.value?.trim() };
        },
      });
    },
  };
}
