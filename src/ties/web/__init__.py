"""The web app and JSON API (`ties serve`): FastAPI over the same store and query layer as the CLI.

The store is opened read-only for each request (no endpoint writes); pages are server-rendered
Jinja2 templates with autoescaping, charts are SVG drawn on the server (no script library, no
CDN), and every response carries a Content-Security-Policy that allows no inline script.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
