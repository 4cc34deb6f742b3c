/**
 * What a producer's export leaves behind once sanitised, tidied so the plan reads as text
 * (issue 9 point 4): form controls become the words they held, and lists used only to indent
 * lose the extra indent. Runs inside sanitisePlanHtml.
 */
import { planWords } from './plan-words';

const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

/**
 * A form control as the text it shows, or null to drop it. A read-only form export can hold a
 * plan's answers in disabled inputs ("Allergies: [penicillin]"): dropping them would lose the
 * answer silently. A button's label is an action the crew cannot take here: it goes.
 */
export function controlAsText(control: Element): string | null {
  switch (control.nodeName) {
    case 'INPUT': {
      const type = (control.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') return control.hasAttribute('checked') ? planWords.controlChecked : planWords.controlNotChecked;
      if (['hidden', 'password', 'button', 'submit', 'reset', 'image', 'file'].includes(type)) return null;
      return nonEmpty(control.getAttribute('value'));
    }
    case 'TEXTAREA':
      return nonEmpty(control.textContent);
    case 'SELECT': {
      const chosen = control.querySelector('option[selected]') ?? null;
      return nonEmpty(chosen?.textContent ?? null);
    }
    default:
      return null;
  }
}

function nonEmpty(text: string | null): string | null {
  const trimmed = text?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : ` ${trimmed} `;
}

/** True for the elements controlAsText replaces. */
export function isFormControl(node: Node): node is Element {
  return CONTROLS.has(node.nodeName);
}

/** A list whose only children are lists indents without saying anything: keep its items, not its step. */
export function tidyPlanHtml(root: DocumentFragment): void {
  for (const list of [...root.querySelectorAll('ul, ol')].reverse()) {
    const children = [...list.children];
    if (children.length > 0 && children.every((child) => child.nodeName === 'UL' || child.nodeName === 'OL')) {
      list.replaceWith(...list.childNodes);
    }
  }
}
