/**
 * Words of the pages shown before any patient screen (issue 10): sign-in, and a role that grants
 * nothing. Apart from session-words.ts so that those pages load in their own chunk.
 */
export const signInWords = {
  signInTitle: 'Sign in to find crisis plans',
  signInLead: 'Use your NHS smartcard or NHS Care Identity authenticator. You will come back here once you are signed in.',
  signInFailedTitle: 'You are not signed in',
  offlineTitle: 'No signal: saved copies only',
  offlineLead: 'Crisis plans were saved on this tablet earlier in the shift. Without signal, the shift PIN of the person who saved them opens them.',
  offlineButton: 'Open saved copies with the shift PIN',
  signedOutHere: 'You are signed out and nothing about patients is left on this tablet. NHS Care Identity could not be told (no signal), so the next sign-in will ask for your details again.',
  offlineNoSession: 'Sign in needs signal. Nobody has signed in on this tablet in this shift, so there are no saved copies to open.',
  noRoleTitle: 'Your role cannot use this app',
  noRoleLead: (roleName: string, organisation: string) => `You signed in as ${roleName} at ${organisation}. That role does not give access to crisis plans here.`,
  noRoleTrainerLead: 'Your role is for training. Trainers use the app in demo mode, with synthetic patients.',
  noRoleAdvice: 'If you have another role that can use this app, choose Change role. Otherwise ask your clinical lead or your organisation’s registration authority.',
} as const;
