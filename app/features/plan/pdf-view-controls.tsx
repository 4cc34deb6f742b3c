import { useState } from 'react';
import { FIT_WIDTH, largerZoom, readZoom, saveZoom, smallerZoom, zoomPercent, ZOOM_STEPS } from './pdf-zoom';
import { planWords } from './plan-words';

const DIM_KEY = 'crl-pdf-dim';

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The zoom kept for the session and a setter that keeps it. */
export function usePdfZoom(): [number, (zoom: number) => void] {
  const [zoom, setZoom] = useState(() => readZoom(sessionStore()));
  return [
    zoom,
    (next: number) => {
      saveZoom(sessionStore(), next);
      setZoom(next);
    },
  ];
}

/**
 * Dim the pages at night: a white A4 sheet glares in a dark cab. Remembered on this device
 * (a display preference, no patient data). Dimmed, not inverted: inverting would change what a
 * plan's colours mean (a red warning box). Shown, and applied, only in the dark theme (CSS).
 */
export function usePdfDim(): [boolean, (dim: boolean) => void] {
  const [dim, setDim] = useState(() => {
    try {
      return localStorage.getItem(DIM_KEY) === 'true';
    } catch {
      return false;
    }
  });
  return [
    dim,
    (next: boolean) => {
      try {
        localStorage.setItem(DIM_KEY, String(next));
      } catch {
        // Refused: the choice lasts until the plan closes.
      }
      setDim(next);
    },
  ];
}

interface PdfViewControlsProps {
  readonly zoom: number;
  readonly onZoom: (zoom: number) => void;
  readonly dim: boolean;
  readonly onDim: (dim: boolean) => void;
}

export function PdfViewControls({ zoom, onZoom, dim, onDim }: PdfViewControlsProps) {
  return (
    <div className="crl-pdf-controls" role="group" aria-label={planWords.zoomControls}>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={zoom <= ZOOM_STEPS[0]} onClick={() => onZoom(smallerZoom(zoom))}>
        {planWords.zoomSmaller}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!} onClick={() => onZoom(largerZoom(zoom))}>
        {planWords.zoomLarger}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={zoom === FIT_WIDTH} onClick={() => onZoom(FIT_WIDTH)}>
        {planWords.zoomFit}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary crl-pdf-controls__dim" aria-pressed={dim} onClick={() => onDim(!dim)}>
        {planWords.dimPages}
      </button>
      <p className="crl-pdf-controls__now" aria-live="polite">
        {planWords.zoomNow(zoomPercent(zoom), zoom === FIT_WIDTH)}
      </p>
    </div>
  );
}
