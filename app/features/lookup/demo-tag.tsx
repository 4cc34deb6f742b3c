import './demo-tag.css';
import { lookupWords } from './lookup-words';

/**
 * DEMO on the person's own banner and identity bar (DESIGN.md safety rule 5): a result brought to
 * the top of the screen, or a plan scrolled far down, has the page's demo banner out of view, and
 * the watermark behind it is hidden by the banner, the cards and the PDF pages.
 */
export function DemoTag() {
  return (
    <strong className="crl-demo-tag">
      <span aria-hidden="true">{lookupWords.demoTag}</span>
      <span className="nhsuk-u-visually-hidden">{lookupWords.demoTagSpoken}</span>
    </strong>
  );
}
