/**
 * Where the mocked national services live. Both origins use reserved names (RFC 2606 / RFC 6761:
 * `.invalid`, `.example`), so a request that escapes the mocks can never reach a real server.
 * Paths mirror the real services (docs/national-apis.md §1.1, §3, §4B), so a client that builds
 * URLs from a base works unchanged against the mocks, a gateway or the sandbox.
 */
export interface ServiceBases {
  readonly pds: string;
  readonly nrl: string;
  readonly ods: string;
  readonly ssp: string;
  /** The trust's audit service (a FHIR R4 server receiving AuditEvent), not a national one. */
  readonly audit: string;
}

function basesAt(origin: string): ServiceBases {
  return {
    pds: `${origin}/personal-demographics/FHIR/R4`,
    nrl: `${origin}/record-locator/consumer/FHIR/R4`,
    ods: `${origin}/organisation-data-terminology-api/fhir`,
    ssp: `${origin}/spine-secure-proxy`,
    audit: `${origin}/audit/FHIR/R4`,
  };
}

/** The in-page demo transport answers these; nothing ever resolves `.invalid`. */
export const DEMO_SERVICE_BASES: ServiceBases = basesAt('https://demo.invalid');

/**
 * A pretend trust gateway for e2e tests of live mode: a different origin from the demo, so a test
 * proves the app used the configured bases rather than demo defaults.
 */
export const TEST_SERVICE_BASES: ServiceBases = basesAt('https://gateway.test.example');
