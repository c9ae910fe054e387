import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isRendererUrl,
  isTrustedSender,
  type OurWindow,
  type SenderFrame,
} from '../../src/main/electron/trustedSender.ts';

const builtPage = pathToFileURL('/opt/Twoway App/resources/out/renderer/index.html').href;
const devServer = 'http://localhost:5173';

const window = (frameTreeNodeId: number, destroyed = false): OurWindow => ({
  isDestroyed: () => destroyed,
  webContents: { mainFrame: { frameTreeNodeId } },
});
const topFrame = (url: string, frameTreeNodeId = 7): SenderFrame => ({ url, parent: null, frameTreeNodeId });

describe('isRendererUrl', () => {
  it('accepts our built page, with any hash or query, however the path is spelled', () => {
    expect(isRendererUrl(builtPage, builtPage)).toBe(true);
    expect(isRendererUrl(`${builtPage}#/time`, builtPage)).toBe(true);
    expect(isRendererUrl(`${builtPage}?tab=week`, builtPage)).toBe(true);
    expect(isRendererUrl('file:///opt/Twoway%20App/resources/out/renderer/index.html', builtPage)).toBe(true);
  });

  it('refuses other files, even beside our page', () => {
    expect(isRendererUrl('file:///opt/Twoway%20App/resources/out/renderer/other.html', builtPage)).toBe(false);
    expect(isRendererUrl('file:///tmp/index.html', builtPage)).toBe(false);
    expect(isRendererUrl('file:///opt/Twoway%20App/resources/out/renderer/', builtPage)).toBe(false);
  });

  it('accepts the dev server by origin and refuses look-alikes', () => {
    expect(isRendererUrl('http://localhost:5173/', devServer)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/#/balances', devServer)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/', devServer)).toBe(false);
    expect(isRendererUrl('http://localhost:5173.evil.example/', devServer)).toBe(false);
    expect(isRendererUrl('https://localhost:5173/', devServer)).toBe(false);
  });

  it('refuses a file on another host, and a path no file can have, without throwing', () => {
    expect(isRendererUrl('file://fileserver/opt/Twoway%20App/resources/out/renderer/index.html', builtPage)).toBe(
      false,
    );
    expect(isRendererUrl('file:///opt/Twoway%20App/resources/out/renderer%2Findex.html', builtPage)).toBe(false);
    expect(
      isTrustedSender(topFrame('file:///opt/Twoway%20App/resources/out%2Frenderer/index.html'), builtPage, []),
    ).toBe(false);
  });

  it('refuses other schemes and things that are not URLs', () => {
    expect(isRendererUrl('https://example.com/index.html', builtPage)).toBe(false);
    expect(isRendererUrl('about:blank', builtPage)).toBe(false);
    expect(isRendererUrl('', builtPage)).toBe(false);
    expect(isRendererUrl('data:text/html,<p>hi</p>', builtPage)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ours = [window(7)];

  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender(topFrame(builtPage), builtPage, ours)).toBe(true);
    expect(isTrustedSender(topFrame(`${devServer}/`), devServer, ours)).toBe(true);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null, builtPage, ours)).toBe(false);
  });

  it('refuses a child frame, even one showing our page', () => {
    const child: SenderFrame = { url: builtPage, parent: topFrame(builtPage), frameTreeNodeId: 7 };
    expect(isTrustedSender(child, builtPage, ours)).toBe(false);
  });

  it('refuses our window once it shows another page', () => {
    expect(isTrustedSender(topFrame('https://example.com/'), builtPage, ours)).toBe(false);
  });

  it('refuses a window we did not create, or one that is destroyed', () => {
    expect(isTrustedSender(topFrame(builtPage, 8), builtPage, ours)).toBe(false);
    expect(isTrustedSender(topFrame(builtPage), builtPage, [window(7, true)])).toBe(false);
    expect(isTrustedSender(topFrame(builtPage), builtPage, [])).toBe(false);
  });

  it('trusts any of several windows we created', () => {
    expect(isTrustedSender(topFrame(builtPage, 9), builtPage, [window(7), window(9)])).toBe(true);
  });
});
