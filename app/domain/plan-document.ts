/** A retrieved record document, in one of the forms NRL producers publish. */
export type PlanDocument =
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array; readonly contentType: string }
  | { readonly kind: 'html'; readonly html: string; readonly contentType: string }
  | { readonly kind: 'fhir'; readonly resource: Readonly<Record<string, unknown>>; readonly contentType: string };
