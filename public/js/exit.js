// Quick exit: leave for a neutral site without leaving this page in the Back history.
// The link works without this script (on a page that shows handed-over answers it goes
// through /exit/<id>, which deletes them first); with it, leaving empties every form
// field, blanks the page and uses location.replace, and pressing Shift three times
// (within five seconds) also leaves.
(function () {
  "use strict";
  // The page's head has already added the "js-enabled" class.
  var root = document.documentElement;

  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function exitUrl() {
    var link = document.querySelector("[data-rj-exit]");
    return link ? link.href : null;
  }

  // Nothing typed may stay in the page the browser keeps, or come back with Back.
  function emptyForms() {
    var fields = document.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = false;
      } else if (field.tagName === "SELECT") {
        field.selectedIndex = -1;
      } else if (field.type !== "submit" && field.type !== "button") {
        field.value = "";
      }
    }
  }

  function leave() {
    var url = exitUrl();
    if (!url) return;
    // Blank the page at once, so nothing stays on screen while the next site loads.
    root.classList.add("rj-exiting");
    document.title = "";
    emptyForms();
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-rj-exit]")) {
      event.preventDefault();
      leave();
    }
  });

  var count = 0;
  var timer = null;
  // Every restart stops the last count's timer: one left running would cut short the
  // next three presses when it fires.
  function restart() {
    window.clearTimeout(timer);
    count = 0;
  }
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      restart();
      return;
    }
    count += 1;
    if (count === 1) {
      timer = window.setTimeout(restart, WINDOW_MS);
    }
    if (count >= PRESSES) {
      restart();
      leave();
    }
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    // A page restored from the back-forward cache after leaving must not show again.
    if (root.classList.contains("rj-exiting")) {
      leave();
      return;
    }
    // A page with answers on it is asked for again: the server shows only what it
    // still holds (nothing, once they were sent, changed or deleted by Exit).
    if (document.querySelector("form[autocomplete='off'], a[href^='/exit/']")) {
      root.classList.add("rj-exiting");
      window.location.reload();
    }
  });
})();
