// Mobile menu. The page arrives with the navigation panel already closed on narrow screens (CSS),
// and a "Menu" link to the panel, which CSS shows when it is the :target: without JavaScript the
// menu still opens. This script only enhances: it swaps the link for a real disclosure button of
// the same size (nothing moves), Escape closes the panel and gives focus back to the button, and a
// skip link to something inside the closed panel opens it first. No inline script: the site's
// Content-Security-Policy allows none.
(function () {
  "use strict";
  var link = document.querySelector(".menu-toggle");
  var panel = document.getElementById(link ? link.getAttribute("aria-controls") : "");
  if (!link || !panel) return;
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.innerHTML = link.innerHTML;
  button.setAttribute("aria-controls", panel.id);

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("is-open", open);
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
    var target = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!target || !narrow.matches || isOpen()) return;
    var destination = document.getElementById(target.getAttribute("href").slice(1));
    if (!destination || !panel.contains(destination)) return;
    event.preventDefault();
    setOpen(true);
    destination.focus();
  });
  narrow.addEventListener("change", function () {
    if (narrow.matches) setOpen(false);
  });

  // Keep the panel as CSS showed it (open when the address pointed into it), then take over.
  setOpen(panel.matches(":target") || panel.querySelector(":target") !== null);
  // The panel's own class, not one on <html>: only the header's styles are recomputed.
  panel.classList.add("is-enhanced");
  link.replaceWith(button);
})();
