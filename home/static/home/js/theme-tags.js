// The page editor's themes field (home/editorial/themes.py): themes are separated by commas on
// the server (home.themes.parse_themes), so they are shown as typed, without the double quotes
// Wagtail's tag controller puts around names with spaces. Runs before Stimulus connects the
// controllers (it starts once the document is parsed), and only touches fields marked
// data-club-themes.
(() => {
  const app = window.wagtail && window.wagtail.app;
  const module = app && app.router.modulesByIdentifier.get('w-tag');
  if (!module) return;
  const TagController = module.definition.controllerConstructor;
  const cleanTag = TagController.prototype.cleanTag;
  TagController.prototype.cleanTag = function cleanThemeTag(value) {
    if (this.element.hasAttribute('data-club-themes')) {
      return (value || '').replace(/"/g, '').trim();
    }
    return cleanTag.call(this, value);
  };
})();
