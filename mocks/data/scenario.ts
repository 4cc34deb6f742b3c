import type { DocumentReference, Patient } from '../fhir/fhir-types';

export type ScenarioName =
  | 'planPdf'
  | 'planPdfLong'
  | 'planHtml'
  | 'severalPointers'
  | 'noPointers'
  | 'restricted'
  | 'restrictedNoName'
  | 'superseded'
  | 'supersededOldPointer'
  | 'supersededBothNumbers'
  | 'pdsNotFound'
  | 'locatorError'
  | 'locatorTimeout'
  | 'unparseableEntry'
  | 'retrievalFails'
  | 'legacyPointer'
  | 'planFhir'
  | 'pdsSignInExpired'
  | 'pdsBusy'
  | 'locatorForbidden'
  | 'locatorOverLarge'
  | 'locatorPartial'
  | 'planOtherPatient'
  | 'planNameDiffers';

/**
 * One pointer as NRL stores it. `unparseable` is a stored record that no longer passes NRL's
 * model: since 2025 NRL returns it as an OperationOutcome entry that still counts towards
 * `total` (docs/national-apis.md §1.4).
 */
export type StoredPointer =
  | { readonly kind: 'valid'; readonly resource: DocumentReference }
  | {
      readonly kind: 'unparseable';
      readonly id: string;
      readonly nhsNumber: string;
      readonly typeCode: string;
      readonly custodianOds: string;
    };

/** A document as a provider system serves it behind SSP, keyed by the `https://` URL SSP fetches. */
export type ProviderDocument =
  | {
      readonly url: string;
      readonly providerAsid: string;
      readonly contentType: string;
      /** Made on each request, so one consumer cannot alter what the next one receives. */
      readonly body: () => Uint8Array<ArrayBuffer> | string;
    }
  | {
      readonly url: string;
      readonly providerAsid: string;
      /** The provider fails; SSP reports it as a gateway error with a diagnostic body (§2.1 point 6). */
      readonly failure: { readonly status: 502 | 504; readonly diagnostics: string };
    };

/** Everything the national services hold for one demo situation. */
export interface Scenario {
  readonly name: ScenarioName;
  /** A few words for a list, e.g. "Crisis plan (PDF)". */
  readonly label: string;
  /** One line a trainer can read out: what the crew will see and why. */
  readonly description: string;
  /** The number a crew types. */
  readonly nhsNumber: string;
  /**
   * What PDS holds. Its `id` differs from `nhsNumber` when that number was superseded; none means
   * 404 (unless `pdsFault` answers first).
   */
  readonly patient: Patient | undefined;
  readonly pointers: readonly StoredPointer[];
  readonly documents: readonly ProviderDocument[];
  /**
   * How PDS's API gateway turns this number away before PDS looks it up, if it does
   * (docs/national-apis.md §3): `access-token-expired` is 401 ACCESS_DENIED, `rate-limited` is
   * 429 TOO_MANY_REQUESTS with `Retry-After`.
   */
  readonly pdsFault?: 'access-token-expired' | 'rate-limited';
  /**
   * How NRL misbehaves for this number, if it does (§1.7): `access-token-expired` is the proxy's
   * 401 ACCESS_DENIED; `organisation-not-permitted` is NRL's 403 for an organisation onboarded
   * for no record types. `over-large-bundle` sends each match 10,000 times; `partial-bundle`
   * says (`total`, a `next` link) that it holds fewer entries than there are.
   */
  readonly locatorFault?:
    | 'internal-error'
    | 'no-answer'
    | 'access-token-expired'
    | 'organisation-not-permitted'
    | 'over-large-bundle'
    | 'partial-bundle';
}
