import './plan-phone-links.css';
import type { MouseEvent } from 'react';
import { useAllowCall } from '../../runtime/runtime-context';

/**
 * Producer markup that has already been through sanitisePlanHtml. A tap on a tel: link in the
 * plan tells the idle lock the crew are going to the dialler (issue 11 point 3), as the crisis
 * team card's numbers do.
 */
export function PlanMarkup({ safeHtml }: { safeHtml: string }) {
  const allowCall = useAllowCall();
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!allowCall || !(event.target instanceof Element)) return;
    const link = event.target.closest('a[href]');
    if (link && event.currentTarget.contains(link) && /^tel:/i.test(link.getAttribute('href')!.trim())) allowCall();
  }
  // Handled on the container: the links are the producer's markup, not React's. Enter on a link
  // clicks it too, so this is no mouse-only handler.
  return <div className="crl-plan-html" onClick={onClick} dangerouslySetInnerHTML={{ __html: safeHtml }} />;
}
