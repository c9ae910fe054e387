// What Twoway accepts as a person's picture: an https address that passes the rules servers pass (plain http
// only on this computer, never a private network), at most 1 MB, and bytes that begin as PNG, JPEG, GIF or
// WebP do, whatever the server calls them. The file on disk is named by a hash of the address, never by it.
import { createHash } from 'node:crypto';
import { serviceUrlProblem } from '../../../shared/serviceUrl.ts';

export const avatarLimit = 1024 * 1024;

export type AvatarType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** Why Twoway will not fetch this address as a picture; null when it will. */
export function avatarUrlProblem(address: string): string | null {
  if (address.length > 2000) return 'The picture’s address is too long.';
  const problem = serviceUrlProblem(address);
  if (problem) return problem;
  const url = new URL(address);
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !local) return 'Pictures are fetched over https:// only.';
  return null;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/** The image type the bytes are, by their first bytes; null when they are none Twoway shows. */
export function avatarType(bytes: Uint8Array): AvatarType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/** The picture as a data: URL, or why it is refused. */
export function avatarDataUrl(bytes: Uint8Array): { url: string } | { problem: string } {
  if (bytes.byteLength === 0) return { problem: 'The picture is empty.' };
  if (bytes.byteLength > avatarLimit) return { problem: 'The picture is larger than 1 MB.' };
  const type = avatarType(bytes);
  if (!type) return { problem: 'The picture is not a PNG, JPEG, GIF or WebP image.' };
  return { url: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** The cache file's name: a hash of the address, so nothing the network sends names a file. */
export const avatarFileName = (address: string) =>
  `${createHash('sha256').update(address).digest('hex').slice(0, 40)}.img`;
