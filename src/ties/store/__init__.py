"""The store: SQLite (WAL) is the embedded default. `open_store` is the one entry point."""
from .sqlite import Store, text_hash


def open_store(path: str, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)


__all__ = ["Store", "open_store", "text_hash"]
