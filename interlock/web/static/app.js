// Interlock explorer: small helpers every page shares (our own code, no library).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // jump to the statement a link points at and mark it
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.classList.add("target"); }
  }
});
