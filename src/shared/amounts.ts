// Money amounts as people type them in their own locale: '2.500,00' in Germany, '2,500.00' in the US.

export type ParsedAmount = { ok: true; value: number } | { ok: false; error: string };

export interface Separators {
  group: string;
  decimal: string;
}

/** The locale's own separators, from Intl: en-US { group: ',', decimal: '.' }, de-DE { group: '.', decimal: ',' }. */
export function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/** Spaces of every width, which some locales group with (fr-FR: a narrow no-break space). */
const spaces = /[\s\u00a0\u202f]/g;

/** An example in the locale's form, for placeholders and messages: '2,500.00' or '2.500,00'. */
export function amountExample(locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(2500);
}

/** An amount as the locale writes it without grouping, for editing: 2500.5 → '2500.5' or '2500,5'. */
export function amountText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}

/**
 * Reads an amount typed in `locale`: its group separator may split the whole part in threes, its decimal
 * separator marks the cents. A dot or comma means what the locale says, so '2.500' is 2.5 in en-US and 2500
 * in de-DE. Anything else is refused with the form expected.
 */
export function parseAmount(text: string, locale: string): ParsedAmount {
  const { group, decimal } = separatorsOf(locale);
  const example = amountExample(locale);
  const spaced = group.replace(spaces, ' ') === ' ';
  const typed = text.trim();
  if (typed === '') return { ok: false, error: 'Enter an amount.' };
  if (/^[-−]/.test(typed)) return { ok: false, error: 'A value cannot be negative.' };
  // Where the locale groups with a space, any space groups; elsewhere spaces are only around the amount.
  const compact = spaced ? typed.replace(spaces, ' ') : typed;
  const groupChar = spaced ? ' ' : group;
  const wrong = new RegExp(`[^0-9${escape(groupChar)}${escape(decimal)}]`);
  if (wrong.test(compact)) return { ok: false, error: `Enter the amount as digits, like ${example}.` };
  const pieces = compact.split(decimal);
  if (pieces.length > 2) return { ok: false, error: `Use “${decimal}” once, before the cents: ${example}.` };
  const [whole = '', cents] = pieces;
  if (cents !== undefined && !/^\d*$/.test(cents)) {
    return { ok: false, error: `Put digits after “${decimal}”, like ${example}.` };
  }
  const groups = whole.split(groupChar);
  const grouped = groups.length > 1;
  if (grouped && !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) {
    return { ok: false, error: `“${groupChar === ' ' ? 'space' : groupChar}” groups thousands in threes: ${example}.` };
  }
  const digits = groups.join('');
  if (digits === '' && !cents) return { ok: false, error: `Enter the amount as digits, like ${example}.` };
  return { ok: true, value: Number(`${digits || '0'}.${cents || '0'}`) };
}

function escape(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}
