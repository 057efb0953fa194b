/* global document */
// Runs before Angular: apply the theme the visitor chose last time (see src/app/theme/theme.ts).
(function () {
  try {
    var stored = localStorage.getItem('gallery.theme');
    if (stored === 'light' || stored === 'dark') {
      document.documentElement.setAttribute('data-theme', stored);
    }
  } catch {
    // Storage can be blocked; the system preference then decides.
  }
})();
