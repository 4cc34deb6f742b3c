import type * as z from 'zod/mini';
import '../zod-messages';

const SHOWN_ISSUES = 3;

/**
 * A short, log-safe account of why a reply failed its schema: paths and zod's messages, never
 * the offending values (they may be patient data).
 */
export function summariseIssues(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
