// The browser preview's stand-in for the preload: the same window.twoway, carried over HTTP and
// server-sent events. Method names come from the contract through this script tag's data-methods.
// The secret moves from the printed address into this tab's sessionStorage (which no other port can read) and
// travels in a header, never in a cookie; the event stream is read with fetch, since EventSource sends no headers.
(() => {
  const methods = JSON.parse(document.currentScript.dataset.methods);
  const unavailable = {
    ok: false,
    error: { code: 'unavailable', message: 'The Twoway preview server is not answering.' },
  };
  const noSecret = {
    ok: false,
    error: { code: 'unavailable', message: 'Open the address the preview printed: it carries the secret.' },
  };

  const address = new URL(location.href);
  const given = address.searchParams.get('secret');
  if (given) {
    sessionStorage.setItem('twoway-preview-secret', given);
    address.searchParams.delete('secret');
    history.replaceState(history.state, '', address.pathname + address.search + address.hash);
  }
  const secret = sessionStorage.getItem('twoway-preview-secret');

  async function call(name, input) {
    if (!secret) return noSecret;
    try {
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twoway-secret': secret },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return await response.json();
    } catch {
      return unavailable;
    }
  }

  const listeners = new Map();
  function deliver(frame) {
    let event = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice('event: '.length);
      else if (line.startsWith('data: ')) data += line.slice('data: '.length);
    }
    if (data === '') return;
    for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data));
  }

  /** Reads the event stream, and reads it again a second after it ends, as EventSource would. */
  async function listen() {
    for (;;) {
      try {
        const response = await fetch('./events', { headers: { 'x-twoway-secret': secret }, cache: 'no-store' });
        if (response.status === 401 || response.status === 403) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            deliver(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // The server went away: try again below.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  if (secret) void listen();
  // Without the secret nothing would load: say so instead of showing an empty app.
  else {
    document.addEventListener('DOMContentLoaded', () => {
      const note = document.createElement('p');
      note.setAttribute('role', 'alert');
      note.textContent = noSecret.error.message;
      document.body.replaceChildren(note);
    });
  }

  const api = {
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
  for (const name of methods) api[name] = (input) => call(name, input);
  window.twoway = Object.freeze(api);
})();
