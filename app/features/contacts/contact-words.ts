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
  switchboard: 'Trust switchboard (not the crisis team)',
  switchboardUnknown: 'No switchboard number is held for this organisation.',
} as const;
