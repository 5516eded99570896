"""Pipeline stages, one module each. `knowledge_stages()` lists the stages after metadata, in order;
each is `run(article, settings) -> article` and fills its own fields."""


def knowledge_stages() -> list:
    from . import entities, events, figures, relevance, statements, topics  # noqa: F401
    return [entities.run, events.run, statements.run, topics.run, figures.run, relevance.run]
