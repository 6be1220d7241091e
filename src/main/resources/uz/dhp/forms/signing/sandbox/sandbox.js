// Sandbox signing page (test keys, not legally binding). Implements the signing-page side of
// docs/signing-protocol.md. Uses no browser crypto API, wasm or passkeys: the server signs the hash.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('config').textContent);
  var request = null;
  var picker = document.getElementById('practitioner');
  var signButton = document.getElementById('sign');
  var cancelButton = document.getElementById('cancel');
  var statusLine = document.getElementById('status');

  config.practitioners.forEach(function (p) {
    var option = document.createElement('option');
    option.value = p.pinfl;
    option.textContent = p.name;
    picker.appendChild(option);
  });

  function post(message) {
    window.parent.postMessage(message, config.hostOrigin);
  }

  function valid(r) {
    return r && typeof r === 'object' && typeof r.documentId === 'string' &&
      /^[A-Za-z0-9.-]{1,64}$/.test(r.documentId) && typeof r.hash === 'string' &&
      /^[A-Za-z0-9_-]{43}$/.test(r.hash) && r.algorithm === 'S256';
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== config.hostOrigin || event.source !== window.parent) {
      return;
    }
    var r = event.data;
    if (typeof r === 'string') {
      try { r = JSON.parse(r); } catch (e) { return; }
    }
    if (!valid(r)) {
      return;
    }
    request = r;
    document.getElementById('documentId').textContent = r.documentId;
    document.getElementById('hash').textContent = r.hash;
    if (typeof r.signerHint === 'string') {
      for (var i = 0; i < picker.options.length; i++) {
        if (picker.options[i].value === r.signerHint) {
          picker.selectedIndex = i;
        }
      }
    }
    signButton.disabled = false;
  });

  signButton.addEventListener('click', function () {
    if (!request) {
      return;
    }
    signButton.disabled = true;
    var documentId = request.documentId;
    fetch(config.signEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hash: request.hash, pinfl: picker.value, documentId: documentId })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      return response.json();
    }).then(function (result) {
      statusLine.textContent = config.signedText;
      post({ status: 'signed', documentId: documentId, jws: result.jws, x5c: result.x5c });
    }).catch(function () {
      statusLine.textContent = config.failedText;
      post({ status: 'error', documentId: documentId, error: 'sandbox-sign-failed' });
    });
  });

  cancelButton.addEventListener('click', function () {
    post(request ? { status: 'cancelled', documentId: request.documentId } : { status: 'cancelled' });
  });

  post({ status: 'ready' });
})();
