import * as z from 'zod/mini';

/**
 * The Spine error coding systems seen in the wild (docs/national-apis.md §1.7, §3). We key on
 * the code alone; the system only decides which coding to prefer when there are several.
 */
export const SPINE_ERROR_CODE_SYSTEMS: readonly string[] = [
  'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode',
  'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode',
  'https://fhir.nhs.uk/ValueSet/Spine-ErrorOrWarningCode-1',
  'https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1',
];

const OutcomeCoding = z.object({
  system: z.optional(z.string()),
  code: z.optional(z.string()),
});

export const OperationOutcome = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(
    z.object({
      code: z.optional(z.string()),
      details: z.optional(z.object({ coding: z.optional(z.array(OutcomeCoding)) })),
      diagnostics: z.optional(z.string()),
    }),
  ),
});
export type OperationOutcome = z.infer<typeof OperationOutcome>;

export interface OutcomeSummary {
  /** Normalised Spine code, e.g. `ACCESS_DENIED`; undefined when the outcome carries none. */
  readonly code: string | undefined;
  readonly diagnostics: string | undefined;
  /** The FHIR `issue.code` of every issue (e.g. `not-found`, `processing`), as sent. */
  readonly issueCodes: readonly string[];
}

const MAX_DIAGNOSTICS = 300;

/**
 * The NRLF backend spells `ACCESS DENIED` with a space while the proxy writes `ACCESS_DENIED`
 * (docs/national-apis.md §1.7), so codes are compared in one spelling.
 */
export function normaliseSpineCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** The Spine code and diagnostics of an error body, or undefined when it is no OperationOutcome. */
export function findOutcomeSummary(body: unknown): OutcomeSummary | undefined {
  const parsed = OperationOutcome.safeParse(body);
  if (!parsed.success) return undefined;
  const codings = parsed.data.issue.flatMap((issue) => issue.details?.coding ?? []);
  const spine = codings.find((c) => c.code && c.system !== undefined && SPINE_ERROR_CODE_SYSTEMS.includes(c.system));
  const code = (spine ?? codings.find((c) => c.code))?.code;
  const diagnostics = parsed.data.issue
    .map((issue) => issue.diagnostics?.trim())
    .filter((text): text is string => Boolean(text))
    .join(' | ');
  return {
    code: code ? normaliseSpineCode(code) : undefined,
    diagnostics: diagnostics ? diagnostics.slice(0, MAX_DIAGNOSTICS) : undefined,
    issueCodes: parsed.data.issue.flatMap((issue) => (issue.code ? [issue.code] : [])),
  };
}
