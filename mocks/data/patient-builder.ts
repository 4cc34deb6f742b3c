import type { Patient } from '../fhir/fhir-types';
import { NHS_NUMBER_SYSTEM, ODS_SYSTEM } from '../fhir/nrl-codes';

export interface PatientSpec {
  readonly nhsNumber: string;
  readonly versionId: string;
  /** `R`: a restricted (sensitive) record (docs/national-apis.md §3). */
  readonly confidentiality: 'U' | 'R';
  readonly prefix?: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: Patient['gender'];
  readonly birthDate: string;
  /** When the name, address and telecom were recorded (their `period.start`). */
  readonly since: string;
  /** Address lines; the last entry is the postcode. */
  readonly address?: readonly string[];
  readonly mobile?: string;
  readonly gpOds?: string;
}

const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const VERIFICATION_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
const VERIFICATION_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus';

/** A PDS Patient in the shape of the PDS sandbox records (§3). */
export function buildPatient(spec: PatientSpec): Patient {
  const restricted = spec.confidentiality === 'R';
  const postcode = spec.address?.at(-1);
  return {
    resourceType: 'Patient',
    id: spec.nhsNumber,
    identifier: [
      {
        system: NHS_NUMBER_SYSTEM,
        value: spec.nhsNumber,
        extension: [
          {
            url: VERIFICATION_EXTENSION,
            valueCodeableConcept: {
              coding: [{ system: VERIFICATION_SYSTEM, version: '1.0.0', code: '01', display: 'Number present and verified' }],
            },
          },
        ],
      },
    ],
    meta: {
      versionId: spec.versionId,
      security: [
        {
          system: CONFIDENTIALITY_SYSTEM,
          code: spec.confidentiality,
          display: restricted ? 'restricted' : 'unrestricted',
        },
      ],
    },
    name: [
      {
        id: `${spec.nhsNumber.slice(-4)}N1`,
        use: 'usual',
        period: { start: spec.since },
        ...(spec.prefix === undefined ? {} : { prefix: [spec.prefix] }),
        given: spec.given,
        family: spec.family,
      },
    ],
    gender: spec.gender,
    birthDate: spec.birthDate,
    // PDS removes location and contact data from restricted records (§3): never even build it.
    ...(restricted || spec.address === undefined || postcode === undefined
      ? {}
      : {
          address: [
            {
              id: `${spec.nhsNumber.slice(-4)}A1`,
              use: 'home',
              line: spec.address.slice(0, -1),
              postalCode: postcode,
              period: { start: spec.since },
            },
          ],
        }),
    ...(restricted || spec.mobile === undefined
      ? {}
      : { telecom: [{ id: `${spec.nhsNumber.slice(-4)}T1`, system: 'phone', value: spec.mobile, use: 'mobile' }] }),
    ...(restricted || spec.gpOds === undefined
      ? {}
      : {
          generalPractitioner: [
            { id: `${spec.nhsNumber.slice(-4)}G1`, type: 'Organization', identifier: { system: ODS_SYSTEM, value: spec.gpOds } },
          ],
        }),
  };
}
