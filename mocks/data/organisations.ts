import type { Organization } from '../fhir/fhir-types';
import { ODS_SYSTEM } from '../fhir/nrl-codes';

/**
 * ODS Organization records (docs/national-apis.md §4B) for the organisations that author the
 * synthetic records. Codes and names are the public ODS ones; addresses and switchboard numbers
 * are invented (Ofcom drama ranges). RXV has no phone, as some ODS records have none, so the
 * app's "no switchboard" path has data.
 */

interface OrganisationSpec {
  readonly ods: string;
  readonly name: string;
  readonly phone: string | undefined;
  readonly website: string;
  readonly line: readonly string[];
  readonly city: string;
  readonly district: string;
  readonly postalCode: string;
  readonly operationalSince: string;
}

const ROLE_SYSTEM = 'https://digital.nhs.uk/services/organisation-data-service/CodeSystem/ODSOrganisationRole';

function buildOrganisation(spec: OrganisationSpec): Organization {
  return {
    resourceType: 'Organization',
    id: spec.ods,
    meta: { lastUpdated: '2025-10-01T00:00:00+00:00' },
    extension: [
      {
        url: 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-TypedPeriod',
        extension: [
          {
            url: 'dateType',
            valueCoding: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-PeriodType', code: 'Operational', display: 'Operational' },
          },
          { url: 'period', valuePeriod: { start: spec.operationalSince } },
        ],
      },
      {
        url: 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-OrganisationRole',
        extension: [
          { url: 'roleCode', valueCodeableConcept: { coding: [{ system: ROLE_SYSTEM, code: 'RO197', display: 'NHS TRUST' }] } },
          { url: 'primaryRole', valueBoolean: true },
          { url: 'active', valueBoolean: true },
        ],
      },
    ],
    identifier: [{ use: 'official', system: ODS_SYSTEM, value: spec.ods }],
    active: true,
    type: [
      { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/England-ODSRecordUseType', code: 'Full', display: 'Full' }] },
      {
        coding: [
          { system: 'https://digital.nhs.uk/services/organisation-data-service/CodeSystem/ODSRecordClass', code: 'RC1', display: 'HSCOrg' },
        ],
      },
    ],
    name: spec.name,
    telecom: [...(spec.phone === undefined ? [] : [{ system: 'phone' as const, value: spec.phone }]), { system: 'url', value: spec.website }],
    address: [
      { line: spec.line, city: spec.city, district: spec.district, postalCode: spec.postalCode, country: 'ENGLAND' },
    ],
  };
}

export const ORGANISATIONS: readonly Organization[] = [
  buildOrganisation({
    ods: 'RW5',
    name: 'LANCASHIRE & SOUTH CUMBRIA NHS FOUNDATION TRUST',
    phone: '01632 960 100',
    website: 'https://www.lscft.example',
    line: ['UNIT 1 EXAMPLE BUSINESS PARK', 'DEMONSTRATION WAY'],
    city: 'PRESTON',
    district: 'LANCASHIRE',
    postalCode: 'PR1 0ZZ',
    operationalSince: '2002-04-01',
  }),
  buildOrganisation({
    ods: 'RV5',
    name: 'SOUTH LONDON AND MAUDSLEY NHS FOUNDATION TRUST',
    phone: '020 7946 0000',
    website: 'https://www.slam.example',
    line: ['EXAMPLE HOUSE', '1 SAMPLE ROAD'],
    city: 'LONDON',
    district: 'GREATER LONDON',
    postalCode: 'SE5 0ZZ',
    operationalSince: '1999-04-01',
  }),
  buildOrganisation({
    ods: 'RGD',
    name: 'LEEDS AND YORK PARTNERSHIP NHS FOUNDATION TRUST',
    phone: '0113 496 0000',
    website: 'https://www.lypft.example',
    line: ['2 SPECIMEN STREET'],
    city: 'LEEDS',
    district: 'WEST YORKSHIRE',
    postalCode: 'LS1 0ZZ',
    operationalSince: '2007-07-01',
  }),
  buildOrganisation({
    ods: 'RXV',
    name: 'GREATER MANCHESTER MENTAL HEALTH NHS FOUNDATION TRUST',
    phone: undefined,
    website: 'https://www.gmmh.example',
    line: ['3 PLACEHOLDER LANE'],
    city: 'MANCHESTER',
    district: 'GREATER MANCHESTER',
    postalCode: 'M1 0ZZ',
    operationalSince: '2002-04-01',
  }),
];
