// Which server addresses Twoway will talk to: https anywhere public; plain http only on this computer
// (a self-hosted server under test). Never other schemes or private network addresses.

const privateHost =
  /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|\[?f[cd][0-9a-f]{2}:|\[?fe80:|\[::\]$)/i;
const loopbackHost = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** The IPv4 address inside an IPv6 one ([::ffff:10.0.0.1], which URL spells [::ffff:a00:1]), else the host. */
function carriedIpv4(host: string): string {
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/i.exec(host);
  if (!mapped) return host;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** A problem with a server address, in words for the user, or null when it is fine. */
export function serviceUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed))
    return 'Start the address with https:// (for example https://mastodon.social).';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'This is not a valid web address.';
  }
  const host = carriedIpv4(url.hostname);
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (!web) return `Twoway only connects over https://, not ${url.protocol}.`;
  if (url.username || url.password) return 'Leave the user name and password out of the address.';
  if (loopbackHost.test(host)) return null;
  if (url.protocol === 'http:') return 'Use the https:// address: Twoway does not send your account over plain http.';
  if (privateHost.test(host)) return 'This address is on a private network; use the server’s public https address.';
  return null;
}

/** The address without a trailing slash, so paths can be appended. */
export function normalServiceUrl(text: string): string {
  return new URL(text.trim()).href.replace(/\/+$/, '');
}
