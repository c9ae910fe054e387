import { parseAmount } from '../../shared/amounts.ts';
import { money } from '../format.ts';
import './AmountReadback.css';

/** The user's locale, whose separators amounts are typed with. */
export const locale = () => navigator.language;

function shown(amount: number, currency: string): string {
  try {
    return money(amount, currency);
  } catch {
    // Not a currency code (yet): the amount alone.
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2 }).format(amount);
  }
}

/** What a typed amount reads as, before it is saved: '2.500' in en-US says it is 2.50, not 2,500. */
export function AmountReadback({ id, text, currency }: { id: string; text: string; currency: string }) {
  const parsed = text.trim() === '' ? null : parseAmount(text, locale());
  return (
    <span id={id} className="amount-readback muted" aria-live="polite">
      {parsed?.ok ? `Reads as ${shown(parsed.value, currency)}` : ''}
    </span>
  );
}
