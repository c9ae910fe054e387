// Sample people's pictures, drawn here: their initials on a colour of their own, as an SVG data: URL. Only sample
// accounts use them; real pictures come from the network through main's checks.
import type { Person } from '../../../shared/people.ts';

const colours = ['#2f6f9f', '#8a4fa3', '#2e7d5b', '#b5562b', '#5a5fc2', '#a23b5a', '#3f7f86', '#7a6a2a'];

export function demoAvatar(person: Person): string {
  const letters = person.displayName
    .split(/\s+|(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .replace(/[^A-Z]/g, '')
    .slice(0, 2);
  let hash = 0;
  for (const char of person.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const colour = colours[hash % colours.length]!;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="${colour}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" font-weight="600" fill="#fff" text-anchor="middle">${letters || '?'}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
