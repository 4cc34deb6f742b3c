import { useEffect, useId, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy } from 'pdfjs-dist';
import { isCancellation } from './open-plan-pdf';
import { PlanPartProblem } from './plan-notices';
import { planWords } from './plan-words';

/** Keeps one page's canvas within what tablet browsers will allocate (16 megapixels). */
const MAX_CANVAS_PIXELS = 4096 * 4096;

interface PdfPlanPageProps {
  readonly page: PDFPageProxy;
  readonly pageNumber: number;
  readonly pageCount: number;
  /** CSS pixels available: the page is scaled to fill it. */
  readonly width: number;
}

/**
 * One page: the drawing on a canvas (hidden from assistive technology) and pdf.js's text
 * layer over it, so the words can be selected, found with Ctrl+F and read by a screen reader.
 */
export function PdfPlanPage({ page, pageNumber, pageCount, width }: PdfPlanPageProps) {
  const labelId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });

  useEffect(() => {
    const viewport = page.getViewport({ scale });
    const canvas = canvasRef.current!;
    const textContainer = textRef.current!;
    const pixelRatio = Math.min(
      window.devicePixelRatio || 1,
      Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)),
    );
    const drawn = viewport.clone({ scale: viewport.scale * pixelRatio });
    canvas.width = Math.floor(drawn.width);
    canvas.height = Math.floor(drawn.height);

    const renderTask = page.render({ canvas, viewport: drawn });
    const textLayer = new TextLayer({
      textContentSource: page.streamTextContent({ includeMarkedContent: true, disableNormalization: true }),
      container: textContainer,
      viewport,
    });
    const onError = (error: unknown) => {
      if (isCancellation(error)) return;
      console.warn(`Plan PDF page ${pageNumber} could not be drawn`, error);
      setFailed(true);
    };
    renderTask.promise.catch(onError);
    // Without its text layer the page still shows; only selection and reading aloud are lost.
    textLayer.render().catch((error: unknown) => {
      if (!isCancellation(error)) console.warn(`Plan PDF page ${pageNumber} has no text layer`, error);
    });
    return () => {
      renderTask.cancel();
      textLayer.cancel();
      textContainer.replaceChildren();
    };
  }, [page, scale, pageNumber]);

  const sheetStyle = {
    width: `${width}px`,
    aspectRatio: `${viewport.width} / ${viewport.height}`,
    '--scale-factor': viewport.scale,
    '--user-unit': viewport.userUnit,
  } as CSSProperties;

  return (
    <div role="group" aria-labelledby={labelId} className="crl-pdf-page">
      <p id={labelId} className="crl-pdf-page__label">
        {planWords.pageLabel(pageNumber, pageCount)}
      </p>
      {failed && <PlanPartProblem message={planWords.pageUnreadable(pageNumber)} />}
      <div className="crl-pdf-page__sheet" style={sheetStyle}>
        <canvas ref={canvasRef} aria-hidden="true" />
        <div ref={textRef} className="textLayer" />
      </div>
    </div>
  );
}
