"""Demo content: the Club's site built from the facts of the seed, in our own words.

Each app has a ``demo`` module with a ``load(loader)`` function; ``load_demo_content`` runs them in
order. Everything is created only when missing (matched by slug or title), so a second run creates
nothing and says so, and nothing an editor changed is overwritten.
"""
