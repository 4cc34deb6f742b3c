/** Producer markup that has already been through sanitisePlanHtml. */
export function PlanMarkup({ safeHtml }: { safeHtml: string }) {
  return <div className="crl-plan-html" dangerouslySetInnerHTML={{ __html: safeHtml }} />;
}
