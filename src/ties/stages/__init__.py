"""Pipeline stages, one module each. `knowledge_stages()` lists the stages after metadata, in order."""


def knowledge_stages() -> list:
    return []
