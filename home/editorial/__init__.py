"""The editorial workflow of the communications team: roles, moderation, admin helpers.

- ``roles``: the "Rédacteurs" and "Modérateurs" groups, their permissions and the
  "Validation éditoriale" workflow, set up by one idempotent function.
- ``signals``: runs that function after ``migrate`` and when a section index page is created.
- ``forms``: the image form that requires alternative text, the theme snippet form.
- ``checker``: the accessibility checker of the user bar, tuned for editors.
- ``themes``: the theme autocompletion used by the theme field of every page.
"""
