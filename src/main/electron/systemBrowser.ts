// The user's default browser, for pages Twoway sends them to on purpose (their instance's sign-in page).
import { shell } from 'electron';

/** Opens a web address in the default browser; anything but http(s) is refused rather than handed to the system. */
export async function openInSystemBrowser(url: string): Promise<void> {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`Twoway opens only web pages, not ${protocol}`);
  await shell.openExternal(url);
}
