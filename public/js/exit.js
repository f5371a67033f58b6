// Quick exit: leave for a neutral site without leaving this page in the Back history.
// The link works without this script; with it, leaving uses location.replace and
// pressing Shift three times (within five seconds) also leaves.
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

  function leave() {
    var url = exitUrl();
    if (!url) return;
    // Blank the page at once, so nothing stays on screen while the next site loads.
    root.classList.add("rj-exiting");
    document.title = "";
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
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      count = 0;
      return;
    }
    count += 1;
    if (count === 1) {
      timer = window.setTimeout(function () {
        count = 0;
      }, WINDOW_MS);
    }
    if (count >= PRESSES) {
      window.clearTimeout(timer);
      count = 0;
      leave();
    }
  });

  // A page restored from the back-forward cache after leaving must not show again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && root.classList.contains("rj-exiting")) {
      leave();
    }
  });
})();
