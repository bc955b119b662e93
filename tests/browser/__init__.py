"""Browser tests of the annotation widgets (a package, so its conftest does not shadow tests/conftest.py)."""
