/**
 * Every word the plan viewer shows a crew, in one place so clinical wording can be reviewed.
 */
const getItAnotherWay = 'Use the care team’s contact details to get the plan another way.';

export const planWords = {
  opening: 'Opening the plan…',
  pageLabel: (pageNumber: number, pageCount: number) => `Page ${pageNumber} of ${pageCount}`,
  pagePhoneNumbers: (pageNumber: number) => `Phone numbers written on page ${pageNumber}: check who each is for in the page above`,
  callPlanNumber: (display: string) => `Call ${display}`,
  unreadableTitle: 'This plan could not be displayed',
  unreadable: `The document may be damaged or in a form this app cannot read. ${getItAnotherWay}`,
  passwordProtected: `The document is password protected. ${getItAnotherWay}`,
  empty: `The document has no readable content. ${getItAnotherWay}`,
  viewerUnavailable: `The document viewer could not be loaded. ${getItAnotherWay}`,
  /** A plan longer than the viewer's page cap (pdf-page-window.ts). */
  pagesNotShown: (shown: number, pageCount: number) =>
    `This plan has ${pageCount} pages. Only the first ${shown} are shown here: ${pageCount - shown} pages are not shown. ` +
    'The full plan is with the care team that wrote it: use their contact details to get the rest.',
  pageUnreadable: (pageNumber: number) =>
    `Page ${pageNumber} could not be displayed. The other pages may still be shown.`,
  imageNotShown: (alt: string) => (alt ? `[Image not shown: ${alt}]` : '[Image not shown]'),
  controlChecked: ' [x] ',
  controlNotChecked: ' [ ] ',
  opensInNewTab: ' (opens in a new tab)',
  technicalView: 'Technical view',
  /** PDF and HTML plans (and FHIR ones naming no NHS number) cannot be matched to the patient by the app. */
  checkAgainstBanner:
    'This app cannot check whose plan this is. Before you act on it, check that the name, date of birth and NHS number in it match the patient details above.',
  /** The name the plan labels differs from the one PDS confirmed (issue 9 point 6): a warning, not a block. */
  nameCheckLabel: 'Check the name',
  nameDiffers: (planName: string, confirmedName: string) =>
    `This plan names ${planName}; the person confirmed by PDS is ${confirmedName}. Check you have the right person before acting on it.`,
  zoomControls: 'Size of the plan pages',
  zoomSmaller: 'Smaller',
  zoomLarger: 'Larger',
  zoomFit: 'Fit to width',
  zoomNow: (percent: string, fit: boolean) => (fit ? `Pages at ${percent} (fit to width)` : `Pages at ${percent} of the screen width`),
  dimPages: 'Dim plan pages',
  pagesBox: 'Plan pages',
  fhirResourceType: 'Record type',
  fhirStatus: 'Status',
} as const;
