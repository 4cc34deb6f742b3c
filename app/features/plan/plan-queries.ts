import { queryOptions } from '@tanstack/react-query';
import type { Pointer, PointerContent } from '../../domain/pointer';
import type { NationalServices } from '../../services/national-services';

interface LookupRef {
  readonly id: string;
}

export function documentQuery(services: NationalServices, lookup: LookupRef, pointer: Pointer, content: PointerContent) {
  return queryOptions({
    queryKey: ['document', lookup.id, pointer.id, content.url],
    queryFn: ({ signal }) => services.documents.getDocument(pointer, content, { correlationId: lookup.id, signal }),
  });
}
