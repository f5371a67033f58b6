// The passkey ceremony for the staff inbox: the one thing on the staff pages that needs
// JavaScript. The page holds a #passkey box whose data- attributes name the two
// addresses (options, finish) and where to go next. Without this script the box says
// why signing in cannot work; with it, the button appears.
(function () {
  "use strict";
  var box = document.getElementById("passkey");
  if (!box || !window.PublicKeyCredential || !navigator.credentials) return;
  var button = box.querySelector("[data-start]");
  var error = box.querySelector("[data-error]");
  box.querySelector("[data-needs-js]").hidden = true;
  button.hidden = false;

  function toBytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }
  function fail(message) {
    error.textContent = message || box.getAttribute("data-failed");
    error.hidden = false;
    button.disabled = false;
    error.focus && error.setAttribute("tabindex", "-1");
    error.focus && error.focus();
  }

  function register(start) {
    var o = start.options.publicKey;
    o.challenge = toBytes(o.challenge);
    o.user.id = toBytes(o.user.id);
    (o.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return navigator.credentials.create({ publicKey: o }).then(function (c) {
      return {
        ceremony: start.ceremony,
        credential: {
          id: c.id,
          rawId: toText(c.rawId),
          type: c.type,
          extensions: {},
          response: {
            attestationObject: toText(c.response.attestationObject),
            clientDataJSON: toText(c.response.clientDataJSON),
            transports: c.response.getTransports ? c.response.getTransports() : []
          }
        }
      };
    });
  }
  function signIn(start) {
    var o = start.options.publicKey;
    o.challenge = toBytes(o.challenge);
    (o.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return navigator.credentials.get({ publicKey: o }).then(function (c) {
      return {
        ceremony: start.ceremony,
        credential: {
          id: c.id,
          rawId: toText(c.rawId),
          type: c.type,
          extensions: {},
          response: {
            authenticatorData: toText(c.response.authenticatorData),
            clientDataJSON: toText(c.response.clientDataJSON),
            signature: toText(c.response.signature),
            userHandle: c.response.userHandle ? toText(c.response.userHandle) : null
          }
        }
      };
    });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    error.hidden = true;
    var mode = box.getAttribute("data-mode");
    post(box.getAttribute("data-options"))
      .then(function (start) {
        if (start.message) throw new Error(start.message);
        return mode === "register" ? register(start) : signIn(start);
      })
      .then(function (answer) { return post(box.getAttribute("data-finish"), answer); })
      .then(function (done) {
        if (done.next) window.location.assign(done.next);
        else fail(done.message);
      })
      .catch(function (e) {
        fail(e && e.message && isNaN(Number(e.message)) && e.name === "Error" ? e.message : null);
      });
  });
})();
