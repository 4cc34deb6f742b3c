import type { RecordAccess } from '../domain/access-event';
import { patientsNamedIn } from '../domain/fhir-patients';
import type { NhsNumber } from '../domain/nhs-number';
import type { PlanDocument } from '../domain/plan-document';
import { FORMAT_RECORD_CONTACT, type Pointer, type PointerContent } from '../domain/pointer';
import { documentTypeOf, mediaTypeOf } from './media-types';
import { callService, serviceUrl, type ServiceReply } from './service-request';
import { ServiceError } from './service-error';
import { newRequestId, type RequestContext, type Transport } from './transport';

export interface DocumentClient {
  /**
   * Retrieves the record one content item of a pointer locates. Throws ServiceError with service
   * 'ssp' (also for the rare Direct retrieval: both fetch from the owning organisation's system).
   * The `Ssp-TraceID` sent is reported through `context.onRequest` (as `requestId`) before the
   * request goes out, and is carried as `requestId` on any ServiceError (audit, §6.4).
   *
   * A FHIR document that names, as its patient, an NHS number other than the pointer's subject
   * or one of `samePerson` (the numbers PDS confirmed are this person's: the one searched and
   * the current one) is refused as 'wrong-patient' (DESIGN.md safety rule 1).
   */
  getDocument(pointer: Pointer, content: PointerContent, context: RequestContext, samePerson?: readonly NhsNumber[]): Promise<PlanDocument>;
}

export type DocumentLog = (message: string, detail?: unknown) => void;

/** docs/national-apis.md §2.1 */
export const SSP_INTERACTION_ID = 'urn:nhs:names:services:nrl:DocumentReference.content.read';

const SSP_SCHEME = /^ssp:\/\//i;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function createDocumentClient(o: {
  transport: Transport;
  sspBaseUrl: string;
  fromAsid?: string;
  timeoutMs?: number;
  /** Records each retrieval before the document is used (DESIGN.md rule 6). */
  recordAccess?: RecordAccess;
  /** Where a refused document is reported; a warning on the console when not set. */
  log?: DocumentLog;
}): DocumentClient {
  const log: DocumentLog = o.log ?? ((message, detail) => console.warn(message, detail));
  const accessTo = (pointer: Pointer) =>
    o.recordAccess && { record: o.recordAccess, action: 'document-retrieval' as const, nhsNumber: pointer.subjectNhsNumber, pointerId: pointer.id };
  return {
    async getDocument(pointer, content, context, samePerson = []) {
      // Contact pages must never go through SSP (§2.2); the contact page client reads them.
      if (content.formatCode === FORMAT_RECORD_CONTACT) {
        throw unsupported('contact-details content is read by the contact page client, not retrieved as a document');
      }
      // NRL allows any attachment type (consumer.yaml `Attachment.contentType`); one this app
      // cannot show is not fetched at all, so nothing is sent through SSP for nothing.
      if (documentTypeOf(mediaTypeOf(content.contentType)) === undefined) {
        throw unsupported(`content type ${mediaTypeOf(content.contentType) ?? '(none)'} cannot be shown in this app`);
      }
      const accepted = new Set<string>([pointer.subjectNhsNumber, ...samePerson]);
      const read = (reply: ServiceReply) => readDocument(reply, content, pointer, accepted, log);
      if (SSP_SCHEME.test(content.url)) return viaSsp(pointer, content, context, read);
      const mechanism = content.retrievalMechanism;
      if (mechanism === 'Direct' && /^https:\/\//i.test(content.url)) return direct(pointer, content, context, read);
      throw unsupported(
        `retrieval mechanism ${mechanism ?? '(none)'} for a ${schemeOf(content.url)} URL is not supported`,
      );
    },
  };

  function viaSsp(pointer: Pointer, content: PointerContent, context: RequestContext, read: ReadDocument): Promise<PlanDocument> {
    if (!pointer.providerAsid) throw unsupported('no provider ASID (SDS lookup not implemented)');
    const traceId = newRequestId();
    const headers: Record<string, string> = {
      'Ssp-TraceID': traceId,
      'Ssp-To': pointer.providerAsid,
      'Ssp-InteractionID': SSP_INTERACTION_ID,
      'X-Correlation-ID': context.correlationId,
    };
    // Without a configured ASID the gateway sets Ssp-From itself (DESIGN.md "Where the app sits").
    if (o.fromAsid) headers['Ssp-From'] = o.fromAsid;
    return callService({
      service: 'ssp',
      transport: o.transport,
      context,
      timeoutMs: o.timeoutMs,
      method: 'GET',
      url: sspUrl(o.sspBaseUrl, content.url),
      headers,
      requestId: traceId,
      access: accessTo(pointer),
      read,
    });
  }

  function direct(pointer: Pointer, content: PointerContent, context: RequestContext, read: ReadDocument): Promise<PlanDocument> {
    return callService({
      service: 'ssp',
      transport: o.transport,
      context,
      timeoutMs: o.timeoutMs,
      method: 'GET',
      url: content.url,
      anonymous: true,
      access: accessTo(pointer),
      read,
    });
  }
}

/**
 * `ssp://host/path` becomes `{sspBase}/{percent-encoded https://host/path}`: the proxy takes the
 * whole target URL as one path segment (§2.1).
 */
export function sspUrl(sspBaseUrl: string, pointerUrl: string): string {
  return serviceUrl(sspBaseUrl, encodeURIComponent(`https://${pointerUrl.replace(SSP_SCHEME, '')}`));
}

type ReadDocument = (reply: ServiceReply) => Promise<PlanDocument>;

/** The reply's own type wins; an unknown or missing one falls back to the pointer's. */
async function readDocument(
  reply: ServiceReply,
  content: PointerContent,
  pointer: Pointer,
  accepted: ReadonlySet<string>,
  log: DocumentLog,
): Promise<PlanDocument> {
  const contentType = documentTypeOf(reply.mediaType) ?? documentTypeOf(mediaTypeOf(content.contentType));
  if (contentType === 'application/pdf') {
    const bytes = await reply.bytes();
    if (!PDF_MAGIC.every((byte, i) => bytes[i] === byte)) throw reply.malformed('Reply is not a PDF (no %PDF- header)');
    return { kind: 'pdf', bytes, contentType };
  }
  if (contentType === 'text/html') {
    return { kind: 'html', html: await reply.text(), contentType };
  }
  if (contentType !== undefined) {
    const text = await reply.text();
    let resource: unknown;
    try {
      resource = JSON.parse(text);
    } catch (cause) {
      throw reply.malformed('Reply is not valid JSON', cause);
    }
    if (!isResource(resource)) throw reply.malformed('Reply is not a FHIR resource (no resourceType)');
    if (resource.resourceType === 'OperationOutcome') throw reply.malformed('Reply is an OperationOutcome, not a record');
    // A structured plan says whose it is: check it, as a crew checks a paper one (issue 7 point 4).
    const other = patientsNamedIn(resource).find((named) => !accepted.has(named.nhsNumber));
    if (other) {
      // The other number stays out of the log: it identifies someone this crew did not look up.
      log('SSP document: refused a FHIR document that names another patient', { pointerId: pointer.id, where: other.where });
      throw new ServiceError({
        service: 'ssp',
        kind: 'wrong-patient',
        detail: `${resource.resourceType} names an NHS number at ${other.where} that is not this patient's`,
        status: reply.response.status,
        requestId: reply.requestId,
      });
    }
    return { kind: 'fhir', resource, contentType };
  }
  throw reply.malformed(`Cannot read a ${reply.mediaType ?? 'untyped'} reply for a ${content.contentType} pointer`);
}

function isResource(value: unknown): value is Readonly<Record<string, unknown>> & { resourceType: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

function unsupported(detail: string): ServiceError {
  return new ServiceError({ service: 'ssp', kind: 'unsupported', detail });
}

function schemeOf(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? 'relative';
}
