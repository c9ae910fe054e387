// The browser preview's stand-in for the preload: the same window.twoway, carried over HTTP and
// server-sent events. Method names come from the contract through this script tag's data-methods.
(() => {
  const methods = JSON.parse(document.currentScript.dataset.methods);
  const unavailable = {
    ok: false,
    error: { code: 'unavailable', message: 'The Twoway preview server is not answering.' },
  };

  async function call(name, input) {
    try {
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return await response.json();
    } catch {
      return unavailable;
    }
  }

  const events = new EventSource('./events');
  const api = {
    subscribe(event, listener) {
      const handler = (message) => listener(JSON.parse(message.data));
      events.addEventListener(event, handler);
      return () => events.removeEventListener(event, handler);
    },
  };
  for (const name of methods) api[name] = (input) => call(name, input);
  window.twoway = Object.freeze(api);
})();
