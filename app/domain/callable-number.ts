/**
 * Which of a team's numbers the app offers as a call. Only a number the page gives for calling
 * (not text-only, a textphone, a fax or another use), that dials as a UK number, and that is
 * not 999, 111 or 112: those are never the team's own number, whatever a page says.
 */
import type { ContactNumber } from './contact-details';
import { numberUseOf, type NumberUse } from './number-use';
import { dialUri, formatUkNumber, isEmergencyOrAdviceNumber } from './uk-phone-number';

export interface ShownNumber {
  readonly label: string;
  /** In the one format the app shows numbers in. */
  readonly display: string;
  readonly use: NumberUse;
  /** `tel:` URI in the national form, only for a number offered as a call. */
  readonly tel: string | undefined;
}

export function shownNumber(number: Pick<ContactNumber, 'label' | 'display'>): ShownNumber {
  const use = numberUseOf(`${number.label} ${number.display}`);
  const tel = use === 'call' && !isEmergencyOrAdviceNumber(number.display) ? dialUri(number.display) : undefined;
  return { label: number.label, display: formatUkNumber(number.display), use, tel };
}

/** The number the "Call the crisis team" button uses: the first callable one, or undefined. */
export function firstTeamCall(numbers: readonly Pick<ContactNumber, 'label' | 'display'>[]): (ShownNumber & { tel: string }) | undefined {
  for (const number of numbers) {
    const shown = shownNumber(number);
    if (shown.tel !== undefined) return { ...shown, tel: shown.tel };
  }
  return undefined;
}
