"""The store: SQLite (WAL) is the embedded default. `open_store` is the one entry point."""
from .sqlite import Store, text_hash


def open_store(path: str) -> Store:
    return Store(path)


__all__ = ["Store", "open_store", "text_hash"]
