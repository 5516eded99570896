"""Named errors. Each message is one sentence a user can act on; the CLI prints it after the file name."""


class TiesError(Exception):
    """Base class of the errors ties raises on purpose."""


class UnreadableFile(TiesError):
    """The file cannot be read as an article (empty, binary, undecodable, too large...)."""


class UnknownFormat(UnreadableFile):
    """No reader recognises the content."""


class StoreError(TiesError):
    """The store cannot be opened or written."""


class KnowledgeFileError(TiesError):
    """A knowledge data file under ties/data is malformed."""
