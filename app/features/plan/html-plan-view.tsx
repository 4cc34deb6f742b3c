import { useMemo } from 'react';
import { PlanMarkup } from './plan-markup';
import { PlanUnreadable } from './plan-notices';
import { planWords } from './plan-words';
import { hasReadableContent, sanitisePlanHtml } from './sanitise-plan-html';

export function HtmlPlanView({ html }: { html: string }) {
  const safeHtml = useMemo(() => sanitisePlanHtml(html), [html]);
  if (!hasReadableContent(safeHtml)) return <PlanUnreadable detail={planWords.empty} />;
  return <PlanMarkup safeHtml={safeHtml} />;
}
