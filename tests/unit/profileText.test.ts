import { describe, expect, it } from 'vitest';
import { bioFirstLine, bioLimit } from '../../src/main/core/balance/profileText.ts';
import { interactionIndex } from '../../src/main/core/balance/interactions.ts';

describe('a bio as a row shows it', () => {
  it('is its first line with text, spaces made single', () => {
    expect(bioFirstLine('\n\n  Brand strategist ·   speaker\nBased in Lisbon')).toBe('Brand strategist · speaker');
    expect(bioFirstLine('')).toBeNull();
    expect(bioFirstLine(null)).toBeNull();
    expect(bioFirstLine(' \n \u200b\n')).toBeNull();
  });

  it('drops what can turn or hide the text around it', () => {
    expect(bioFirstLine('Hi \u202eevil\u202c there\u200b\u2066x\u2069')).toBe('Hi evil therex');
  });

  it('reads Mastodon’s HTML as text: tags gone, entities decoded, paragraphs are lines', () => {
    expect(bioFirstLine('<p>Data &amp; <a href="https://x">dashboards</a></p><p>Second</p>', 'html')).toBe(
      'Data & dashboards',
    );
    expect(bioFirstLine('<p>One<br>Two</p>', 'html')).toBe('One');
    expect(bioFirstLine('<script>alert(1)</script><p>&lt;b&gt;bold&lt;/b&gt;</p>', 'html')).toBe('<b>bold</b>');
  });

  it('is cut to a line, with an ellipsis', () => {
    const line = bioFirstLine('a'.repeat(500))!;
    expect([...line]).toHaveLength(bioLimit);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('what passed between the user and someone', () => {
  const kim = { id: 'kim', handle: 'kim.bsky.social', displayName: 'Kim' };
  const base = { text: '', url: null, reason: 'mention' as const };
  it('counts their mentions and which the user answered, the user’s mentions and which they answered', () => {
    const of = interactionIndex({
      mentions: [
        { ...base, id: 'm1', author: kim, createdAt: 100, state: 'answered', answeredAt: 150 },
        { ...base, id: 'm2', author: kim, createdAt: 200, state: 'waiting', answeredAt: null },
      ],
      asked: [
        { postId: 'p1', at: 50, mentioned: [kim, kim] },
        { postId: 'p2', at: 300, mentioned: [kim] },
      ],
      answers: [{ postId: 'p1', personId: 'kim', at: 400 }],
    });
    expect(of('kim')).toEqual({ theyMentioned: 2, youAnswered: 1, youMentioned: 2, theyAnswered: 1, lastAt: 400 });
    expect(of('someone-else')).toBeNull();
  });
});
