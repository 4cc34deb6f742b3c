/** Words on the crisis team card, in one place for clinical review. */
export const contactWords = {
  heading: 'Crisis team',
  teamNotStated: 'Team not stated on the record',
  call: 'Call',
  loadingNumbers: "Loading the team's phone numbers…",
  noNumbersOnPage: "The team's contact page does not list a phone number this app can read.",
  pageFailed: "The team's contact page could not be loaded.",
  noContactPage: 'This record has no contact details page for the team.',
  openPage: 'Open the contact page',
  moreNumbers: (count: number) =>
    `The page lists ${count.toLocaleString('en-GB')} more ${count === 1 ? 'number' : 'numbers'}. These are the ones most likely to reach the team.`,
  opensInNewTab: '(opens in a new tab)',
  hours: 'When they can be reached',
  numberUse: { 'text-only': 'Text only, not for calls', textphone: 'Textphone, not a voice line', fax: 'Fax, not for calls', other: 'For another use, not the crisis line' },
  noNumberToCall: 'No number to call was found for this team. Look in the plan itself for the team’s numbers. This does not mean there is no crisis team.',
  switchboard: 'Trust switchboard (not the crisis team)',
  switchboardUnknown: 'No switchboard number is held for this organisation.',
} as const;
