/** The media type of a Content-Type header without parameters, lower case: `application/fhir+json`. */
export function mediaTypeOf(contentType: string | null | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence || undefined;
}

/**
 * JSON in any of the spellings the national services use: NRL declares
 * `application/fhir+json;version=1`, older producers `application/json+fhir` (docs/national-apis.md §1.1, §1.5).
 */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'application/json' || mediaType === 'application/json+fhir' || (mediaType?.endsWith('+json') ?? false);
}

export function isHtmlMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

/** The kinds of document this app can show: PDF, HTML, or FHIR JSON. */
export type DocumentType = 'application/pdf' | 'text/html' | 'application/json' | 'application/fhir+json' | 'application/json+fhir';

/**
 * The document type the app can show for a media type, or undefined when it cannot render it.
 * Other `+json` types are read as FHIR JSON (NRL's own `application/fhir+json;version=1` style).
 */
export function documentTypeOf(mediaType: string | undefined): DocumentType | undefined {
  if (mediaType === 'application/pdf' || mediaType === 'text/html') return mediaType;
  if (mediaType === 'application/json' || mediaType === 'application/fhir+json' || mediaType === 'application/json+fhir') {
    return mediaType;
  }
  return isJsonMediaType(mediaType) ? 'application/fhir+json' : undefined;
}
