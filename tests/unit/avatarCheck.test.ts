import { describe, expect, it } from 'vitest';
import {
  avatarDataUrl,
  avatarFileName,
  avatarLimit,
  avatarType,
  avatarUrlProblem,
} from '../../src/main/core/balance/avatarCheck.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const gif = new TextEncoder().encode('GIF89a....');
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);

describe('what Twoway accepts as a picture', () => {
  it('tells PNG, JPEG, GIF and WebP by their first bytes, whatever the server calls them', () => {
    expect(avatarType(png)).toBe('image/png');
    expect(avatarType(jpeg)).toBe('image/jpeg');
    expect(avatarType(gif)).toBe('image/gif');
    expect(avatarType(webp)).toBe('image/webp');
    expect(avatarType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/>'))).toBeNull();
    expect(avatarType(new TextEncoder().encode('<html><body>'))).toBeNull();
    expect(avatarType(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull();
  });

  it('gives a data: URL of the type the bytes are; refuses empty, over 1 MB, and what is no image', () => {
    expect(avatarDataUrl(png)).toEqual({ url: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
    expect(avatarDataUrl(new Uint8Array())).toEqual({ problem: 'The picture is empty.' });
    const big = new Uint8Array(avatarLimit + 1);
    big.set(png);
    expect(avatarDataUrl(big)).toEqual({ problem: 'The picture is larger than 1 MB.' });
    const limit = new Uint8Array(avatarLimit);
    limit.set(png);
    expect(avatarDataUrl(limit)).toHaveProperty('url');
    expect(avatarDataUrl(new TextEncoder().encode('hello'))).toHaveProperty('problem');
  });

  it('fetches https addresses that pass the server rules; plain http only on this computer', () => {
    expect(avatarUrlProblem('https://cdn.bsky.app/img/avatar/plain/did:plc:x/baf@jpeg')).toBeNull();
    expect(avatarUrlProblem('http://cdn.bsky.app/a.jpg')).not.toBeNull();
    expect(avatarUrlProblem('http://127.0.0.1:2583/img/a.jpg')).toBeNull();
    expect(avatarUrlProblem('https://192.168.1.10/a.png')).not.toBeNull();
    expect(avatarUrlProblem('https://10.0.0.1/a.png')).not.toBeNull();
    expect(avatarUrlProblem('https://[::ffff:a00:1]/a.png')).not.toBeNull();
    expect(avatarUrlProblem('file:///etc/passwd')).not.toBeNull();
    expect(avatarUrlProblem('data:image/png;base64,AAAA')).not.toBeNull();
    expect(avatarUrlProblem('https://user:pw@cdn.example/a.png')).not.toBeNull();
    expect(avatarUrlProblem(`https://cdn.example/${'a'.repeat(2001)}`)).not.toBeNull();
  });

  it('names the cached file by a hash of the address, never by anything in it', () => {
    const name = avatarFileName('https://cdn.example/../../etc/passwd');
    expect(name).toMatch(/^[0-9a-f]{40}\.img$/);
    expect(avatarFileName('https://cdn.example/a.png')).not.toBe(avatarFileName('https://cdn.example/b.png'));
    expect(avatarFileName('https://cdn.example/a.png')).toBe(avatarFileName('https://cdn.example/a.png'));
  });
});
