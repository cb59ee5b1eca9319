/* The portal's additions to Django's admin scripts. Loaded with "defer" on every admin
   page: it runs after the admin's own scripts are read, before the "load" event on which
   they draw their widgets. */
"use strict";

/* Every date and time in the admin is the portal's time (Asia/Jakarta), and each date field
   says so in its help text. Django's DateTimeShortcuts adds "You are N hours behind server
   time" under each field for anyone whose computer is in another zone, which staff took as
   an error. The warning goes; the "Now" and "Today" shortcuts still give Jakarta time (they
   read the server's offset from the page, which stays). */
if (window.DateTimeShortcuts) {
  window.DateTimeShortcuts.addTimezoneWarning = function () {};
}

/* Accessible names for the autocomplete fields (select2, behind Django's autocomplete).
   select2 draws its own combobox, a text box showing the choice and a search input, none
   named: a screen reader heard "combobox", "edit text" (axe: "label", critical). Each is
   named by the field's own <label>; the list of chosen items is marked a list (it also
   holds select2's clear button). Run once the widgets are drawn (after jQuery's "ready"),
   and again whenever select2 redraws or an inline row is added. */
function nameAutocompletes() {
  document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
    var container = select.nextElementSibling;
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (!label || !container || !container.classList.contains("select2")) {
      return;
    }
    if (!label.id) {
      label.id = select.id + "-label";
    }
    var rendered = container.querySelector(".select2-selection__rendered");
    var selection = container.querySelector(".select2-selection");
    if (selection) {
      var ids = label.id + (rendered && rendered.id ? " " + rendered.id : "");
      if (selection.getAttribute("aria-labelledby") !== ids) {
        selection.setAttribute("aria-labelledby", ids);
      }
    }
    if (rendered && rendered.getAttribute("role") === "textbox") {
      rendered.setAttribute("aria-labelledby", label.id);
    }
    if (rendered && rendered.tagName === "UL" && rendered.getAttribute("role") !== "list") {
      rendered.setAttribute("role", "list");
    }
    container.querySelectorAll(".select2-search__field").forEach(function (field) {
      if (field.getAttribute("aria-labelledby") !== label.id) {
        field.setAttribute("aria-labelledby", label.id);
      }
    });
  });
  /* The search box of an open single-choice dropdown: named after the field it searches. */
  document.querySelectorAll(".select2-dropdown .select2-search__field").forEach(function (field) {
    var results = (field.getAttribute("aria-controls") || "").replace(/^select2-/, "");
    var id = results.replace(/-results$/, "");
    var label = id && document.querySelector('label[for="' + id + '"]');
    if (label && label.id && field.getAttribute("aria-labelledby") !== label.id) {
      field.setAttribute("aria-labelledby", label.id);
    }
  });
}

window.addEventListener("load", function () {
  nameAutocompletes();
  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.setTimeout(function () {
        pending = false;
        nameAutocompletes();
      }, 0);
    }
  }).observe(document.body, { childList: true, subtree: true });
});
