"""ties: news intelligence on bilateral relations (China–Vietnam first)."""

__version__ = "0.1.0"
