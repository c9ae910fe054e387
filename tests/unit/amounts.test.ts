import { describe, expect, it } from 'vitest';
import { amountExample, amountText, parseAmount, separatorsOf } from '../../src/shared/amounts.ts';

const value = (text: string, locale: string) => {
  const parsed = parseAmount(text, locale);
  return parsed.ok ? parsed.value : parsed.error;
};

describe('separatorsOf', () => {
  it('takes the separators from Intl', () => {
    expect(separatorsOf('en-US')).toEqual({ group: ',', decimal: '.' });
    expect(separatorsOf('de-DE')).toEqual({ group: '.', decimal: ',' });
    expect(separatorsOf('fr-FR').decimal).toBe(',');
  });
});

describe('parseAmount', () => {
  it('reads the same amount written the German and the American way', () => {
    expect(value('2.500,00', 'de-DE')).toBe(2500);
    expect(value('2,500.00', 'en-US')).toBe(2500);
    expect(value('1.234.567,89', 'de-DE')).toBe(1234567.89);
    expect(value('1,234,567.89', 'en-US')).toBe(1234567.89);
  });

  it('reads a dot or a comma as the locale means it', () => {
    expect(value('2.500', 'en-US')).toBe(2.5);
    expect(value('2.500', 'de-DE')).toBe(2500);
    expect(value('2,5', 'de-DE')).toBe(2.5);
    expect(value('2,500', 'en-US')).toBe(2500);
  });

  it('takes plain digits, cents alone and spaces around', () => {
    expect(value('1200', 'en-US')).toBe(1200);
    expect(value(' 1200.5 ', 'en-US')).toBe(1200.5);
    expect(value(',75', 'de-DE')).toBe(0.75);
    expect(value('12,', 'de-DE')).toBe(12);
  });

  it('takes the space French groups with, of any width', () => {
    expect(value('2\u202f500,00', 'fr-FR')).toBe(2500);
    expect(value('2 500,00', 'fr-FR')).toBe(2500);
  });

  it('refuses grouping that is not in threes, naming the form expected', () => {
    expect(value('2500,50', 'en-US')).toBe('“,” groups thousands in threes: 2,500.00.');
    expect(value('25.00', 'de-DE')).toBe('“.” groups thousands in threes: 2.500,00.');
  });

  it('refuses two decimal separators, letters, signs and nothing', () => {
    expect(value('1.2.3', 'en-US')).toBe('Use “.” once, before the cents: 2,500.00.');
    expect(value('12 EUR', 'en-US')).toBe('Enter the amount as digits, like 2,500.00.');
    expect(value('1 200', 'en-US')).toBe('Enter the amount as digits, like 2,500.00.');
    expect(value('-5', 'en-US')).toBe('A value cannot be negative.');
    expect(value('', 'en-US')).toBe('Enter an amount.');
    expect(value('.', 'en-US')).toBe('Enter the amount as digits, like 2,500.00.');
  });
});

describe('amountText and amountExample', () => {
  it('write an amount back so that it reads again as the same', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH']) {
      expect(value(amountText(2500.5, locale), locale)).toBe(2500.5);
      expect(value(amountExample(locale), locale)).toBe(2500);
    }
  });
});
