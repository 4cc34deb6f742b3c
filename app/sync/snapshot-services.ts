import { documentKey, type LookupSnapshot } from '../domain/lookup-snapshot';
import type { NationalServices } from '../services/national-services';
import { ServiceError, type ServiceName } from '../services/service-error';

/**
 * The national services as they answered when a snapshot was saved: lets every screen show a
 * saved lookup through the same components and queries as a live one. A piece that was not
 * retrieved then fails as "no connection", which is the truth on a device without signal.
 */
export function snapshotServices(snapshot: LookupSnapshot): NationalServices {
  const notSaved = (service: ServiceName, what: string) =>
    new ServiceError({ service, kind: 'network', detail: `${what} was not saved on this device` });
  return {
    // The banner says "replaced" only when the number typed now is the superseded one.
    pds: {
      getPatient: async (nhsNumber) => ({ ...snapshot.patient, requestedNhsNumber: nhsNumber }),
      // A saved lookup is one person's: a search by details is PDS's alone (issue 12 point 5).
      searchPatients: async () => {
        throw notSaved('pds', 'A search by details');
      },
    },
    nrl: { searchPointers: async () => snapshot.search },
    documents: {
      getDocument: async (pointer, content) => {
        const document = snapshot.documents[documentKey(pointer.id, content.url)];
        if (!document) throw notSaved('ssp', 'This document');
        return document;
      },
    },
    contactPages: {
      getContactDetails: async (url) => {
        const details = snapshot.contacts[url];
        if (!details) throw notSaved('contact-page', 'This contact page');
        return details;
      },
    },
    ods: {
      getOrganisation: async (odsCode) => {
        const organisation = snapshot.organisations[odsCode];
        if (!organisation) throw notSaved('ods', 'This organisation');
        return organisation;
      },
    },
  };
}
