// Mobile menu: a disclosure button that shows and hides the navigation panel (menu and search).
// Without JavaScript the panel simply stays visible. Escape closes it and gives focus back to the
// button; a skip link to something inside the closed panel opens it first.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var panel = document.getElementById(button ? button.getAttribute("aria-controls") : "");
  if (!button || !panel) return;
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("is-open", open);
  }
  function sync() {
    button.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }

  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !narrow.matches || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  // Skip links ("Aller au menu", "Aller à la recherche") point inside the panel.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link || !narrow.matches || isOpen()) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target || !panel.contains(target)) return;
    event.preventDefault();
    setOpen(true);
    target.focus();
  });
  narrow.addEventListener("change", sync);
  document.documentElement.classList.add("js");
  sync();
})();
