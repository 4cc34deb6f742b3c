import { useEffect, useId, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy } from 'pdfjs-dist';
import { isCancellation } from './open-plan-pdf';
import { phoneNumbersOnPdfPage, type PdfPhoneNumber } from './pdf-phone-numbers';
import { PLAN_PHONE_LINK_CLASS } from './link-phone-numbers';
import { pageText } from './pdf-page-text';
import { canvasPixelRatio } from './pdf-page-window';
import { PlanPartProblem } from './plan-notices';
import { planWords } from './plan-words';
import { useAllowCall } from '../../runtime/runtime-context';

interface PdfPlanPageProps {
  readonly page: PDFPageProxy;
  readonly pageNumber: number;
  readonly pageCount: number;
  /** CSS pixels available: the page is scaled to fill it. */
  readonly width: number;
  /** On screen or next to it: hold a canvas. Otherwise the page is a white sheet of its size. */
  readonly drawn: boolean;
  /** Build the text layer now, drawn or not (the view builds them all in idle time). */
  readonly withText: boolean;
  /** Told when this page's text layer is in place (or has failed for good). */
  readonly onTextShown?: () => void;
}

/**
 * One page: the drawing on a canvas (hidden from assistive technology) and pdf.js's text
 * layer over it, so the words can be selected, found with Ctrl+F and read by a screen reader.
 * The sheet keeps the page's size whether drawn or not, so scrolling never jumps. The canvas
 * is released when the page leaves the window; the text layer, a few DOM nodes and no pixels,
 * stays once built, so Ctrl+F finds the words of every page laid out, drawn or not.
 */
export function PdfPlanPage({ page, pageNumber, pageCount, width, drawn, withText, onTextShown }: PdfPlanPageProps) {
  const labelId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [phoneNumbers, setPhoneNumbers] = useState<readonly PdfPhoneNumber[]>([]);
  const allowCall = useAllowCall();
  const [hasText, setHasText] = useState(drawn || withText);
  const onTextShownRef = useRef(onTextShown);
  useEffect(() => {
    onTextShownRef.current = onTextShown;
  });
  if ((drawn || withText) && !hasText) setHasText(true);

  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });

  // The words first, the pixels after (issue 13 point 1): pdf.js's worker answers in the order it
  // is asked, so the drawing waits until this page's text layer is in place at this size.
  const [textAtScale, setTextAtScale] = useState<number | null>(null);
  const textPlaced = textAtScale === scale;

  useEffect(() => {
    if (!drawn || !textPlaced) return;
    const viewport = page.getViewport({ scale });
    const canvas = canvasRef.current!;
    const pixelRatio = canvasPixelRatio(viewport.width, viewport.height, window.devicePixelRatio || 1);
    const scaled = viewport.clone({ scale: viewport.scale * pixelRatio });
    canvas.width = Math.floor(scaled.width);
    canvas.height = Math.floor(scaled.height);

    const renderTask = page.render({ canvas, viewport: scaled });
    renderTask.promise.catch((error: unknown) => {
      if (isCancellation(error)) return;
      console.warn(`Plan PDF page ${pageNumber} could not be drawn`, error);
      setFailed(true);
    });
    return () => {
      renderTask.cancel();
      // A zero-sized canvas gives its bitmap back: the memory a far page held is freed now,
      // not whenever the element is collected.
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [page, scale, pageNumber, drawn, textPlaced]);

  useEffect(() => {
    if (!hasText) return;
    const textContainer = textRef.current!;
    const textLayer = new TextLayer({
      textContentSource: page.streamTextContent({ includeMarkedContent: true, disableNormalization: true }),
      container: textContainer,
      viewport: page.getViewport({ scale }),
    });
    // Without its text layer the page still shows; only selection and reading aloud are lost.
    textLayer.render().then(
      () => {
        setTextAtScale(scale);
        onTextShownRef.current?.();
      },
      (error: unknown) => {
        if (isCancellation(error)) return;
        console.warn(`Plan PDF page ${pageNumber} has no text layer`, error);
        setTextAtScale(scale);
        onTextShownRef.current?.();
      },
    );
    return () => {
      textLayer.cancel();
      textContainer.replaceChildren();
    };
  }, [page, scale, pageNumber, hasText]);

  // The numbers this page gives for calling, as big links under it (pdf-phone-numbers.ts): read
  // once with the text, whatever the zoom.
  useEffect(() => {
    if (!hasText) return;
    let current = true;
    pageText(page).then(
      (content) => {
        if (current) setPhoneNumbers(phoneNumbersOnPdfPage(content.items));
      },
      (error: unknown) => {
        if (!isCancellation(error)) console.warn(`Plan PDF page ${pageNumber}: its phone numbers could not be read`, error);
      },
    );
    return () => {
      current = false;
    };
  }, [page, pageNumber, hasText]);

  const sheetStyle = {
    width: `${width}px`,
    aspectRatio: `${viewport.width} / ${viewport.height}`,
    '--scale-factor': viewport.scale,
    '--user-unit': viewport.userUnit,
  } as CSSProperties;

  return (
    <div role="group" aria-labelledby={labelId} className="crl-pdf-page" data-page-number={pageNumber}>
      <p id={labelId} className="crl-pdf-page__label">
        {planWords.pageLabel(pageNumber, pageCount)}
      </p>
      {failed && <PlanPartProblem message={planWords.pageUnreadable(pageNumber)} />}
      <div className="crl-pdf-page__sheet" style={sheetStyle}>
        <canvas ref={canvasRef} aria-hidden="true" width={0} height={0} />
        <div ref={textRef} className="textLayer" />
      </div>
      {phoneNumbers.length > 0 && (
        <div className="crl-pdf-page__calls">
          <p className="crl-pdf-page__calls-heading">{planWords.pagePhoneNumbers(pageNumber)}</p>
          <ul className="nhsuk-list crl-pdf-page__calls-list">
            {phoneNumbers.map((number) => (
              <li key={number.digits}>
                {number.label && <span className="crl-pdf-page__calls-label">{number.label}: </span>}
                <a className={PLAN_PHONE_LINK_CLASS} href={`tel:${number.digits}`} onClick={allowCall} dir="ltr">
                  {planWords.callPlanNumber(number.display)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
