// The date and time pickers of the admin's editors (Wagtail's AdminDateTimeInput, which starts
// jQuery's datetimepicker from the options it is given over the plugin's defaults):
// - times are offered every 15 minutes (webinar start, go-live and expiry dates); another minute
//   can still be typed;
// - Escape closes an open picker and nothing else: without this, Escape in the scheduling dialog
//   ("Programmer") closes the whole dialog, since the dialog listens for Escape too.
// Loaded by the insert_editor_js hook (home/wagtail_hooks.py), before the widgets start.
(() => {
  const $ = window.jQuery;
  if (!$ || !$.fn.datetimepicker) return;

  $.fn.datetimepicker.defaults.step = 15;

  const openPicker = () =>
    Array.from(document.querySelectorAll('.xdsoft_datetimepicker')).find(
      (picker) => picker.getClientRects().length > 0,
    );

  // On window and in the capture phase: before the dialog's own listeners see the key.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      const picker = openPicker();
      if (!picker) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      $(picker).trigger('close.xdsoft');
    },
    true,
  );
})();
