// Host page of the signing ceremony (served by the app on 127.0.0.1).
// Embeds the signing page, sends it the request, and relays its answer to Java.
// Plain script: the JavaFX WebView lacks the browser crypto API, wasm and passkeys; none is needed.
(function () {
  'use strict';
  var MAX_MESSAGE = 131072;
  var config = JSON.parse(document.getElementById('config').textContent);
  var frame = document.getElementById('signer');
  var queue = [];
  var bridgeReady = false;

  function bridge() {
    var b = window.javaBridge;
    return bridgeReady && b && typeof b.onResult === 'function' ? b : null;
  }

  function deliver(origin, text) {
    var b = bridge();
    if (b) {
      b.onResult(origin, text);
    } else {
      queue.push([origin, text]);
    }
  }

  // Java calls this once it has set window.javaBridge (after the page has loaded).
  window.__bridgeReady = function () {
    bridgeReady = true;
    var pending = queue;
    queue = [];
    for (var i = 0; i < pending.length; i++) {
      deliver(pending[i][0], pending[i][1]);
    }
  };

  function sendRequest() {
    if (frame.contentWindow) {
      // targetOrigin pins the receiver: if the frame navigated elsewhere, nothing is sent.
      frame.contentWindow.postMessage(config.request, config.signingOrigin);
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== config.signingOrigin || event.source !== frame.contentWindow) {
      return; // not the signing page: ignored
    }
    var text = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
    if (typeof text !== 'string' || text.length > MAX_MESSAGE) {
      return;
    }
    var parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
    if (parsed && parsed.status === 'ready') {
      sendRequest(); // the signing page asks (again) for the request, e.g. after its login
      return;
    }
    deliver(event.origin, text);
  });

  frame.addEventListener('load', sendRequest);
  frame.src = config.signingUrl;
})();
