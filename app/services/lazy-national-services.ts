import type { createNationalServices, NationalServices } from './national-services';

/**
 * The national service clients (request building, reply parsing and their schemas) behind a
 * dynamic import, as the audit client and device storage are: the first screen in live mode is
 * sign-in, so nothing calls a service before the chunk has loaded in the background. Every call
 * waits for the load; `preload` starts it.
 */
export function lazyNationalServices(options: Parameters<typeof createNationalServices>[0]): NationalServices & { readonly preload: () => void } {
  let loaded: Promise<NationalServices> | undefined;
  const services = () => (loaded ??= import('./national-services').then(({ createNationalServices }) => createNationalServices(options)));
  return {
    preload: () => void services(),
    pds: {
      getPatient: async (...args) => (await services()).pds.getPatient(...args),
      searchPatients: async (...args) => (await services()).pds.searchPatients(...args),
    },
    nrl: { searchPointers: async (...args) => (await services()).nrl.searchPointers(...args) },
    documents: { getDocument: async (...args) => (await services()).documents.getDocument(...args) },
    contactPages: { getContactDetails: async (...args) => (await services()).contactPages.getContactDetails(...args) },
    ods: { getOrganisation: async (...args) => (await services()).ods.getOrganisation(...args) },
  };
}
