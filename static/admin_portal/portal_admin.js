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
