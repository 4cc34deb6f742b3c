/**
 * What a phone number is for, read from the words next to it (a contact page's label, or the
 * text before a number in a plan). Only `call` is offered as a tap-to-call link: a textphone
 * line (Relay UK, 18001, minicom) is not a voice line, a text-only number cannot take a call,
 * a fax answers with a tone, and a line for another use (appointments, complaints) does not
 * reach the crisis team.
 */
export type NumberUse = 'call' | 'text-only' | 'textphone' | 'fax' | 'other';

const TEXTPHONE = /\b(?:text\s?phone|minicom|typetalk|text\s?relay|relay\s?uk|18001|ngt\b|next generation text)/i;
const FAX = /\b(?:fax|facsimile)\b/i;
const TEXT = /\b(?:sms|text(?:ing|s)?|whats\s?app)\b/i;
const VOICE = /\b(?:call|calls|calling|phone|telephone|tel|ring|speak|talk|voice|helpline|line)\b/i;
const TEXT_ONLY = /\b(?:text|sms)\s*(?:only|messages? only)\b|\bonly\s+(?:by\s+)?(?:text|sms)\b|\b(?:not|no)\s+(?:for\s+)?(?:calls|voice)\b/i;
const OTHER = /\b(?:pals|complaints?|appointments?|bookings?|admin(?:istration)?|billing|finance|payroll|media|press office|careers|recruitment|pager|bleep|switchboard for staff)\b/i;

export function numberUseOf(context: string): NumberUse {
  if (TEXTPHONE.test(context)) return 'textphone';
  if (FAX.test(context)) return 'fax';
  if (TEXT_ONLY.test(context)) return 'text-only';
  if (TEXT.test(context) && !VOICE.test(context)) return 'text-only';
  if (OTHER.test(context)) return 'other';
  return 'call';
}
