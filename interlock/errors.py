"""The exceptions Interlock raises; all derive from ``InterlockError``."""

from __future__ import annotations


class InterlockError(Exception):
    "Root of every error Interlock raises on purpose"


class BadInput(InterlockError):
    "An input document cannot be read or is not of the expected form"

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class PipelineNotFound(InterlockError):
    "The configured spaCy pipeline is not installed"


class DatasetNotFound(InterlockError):
    "An evaluation dataset folder is missing or incomplete"


class SettingError(InterlockError):
    "A setting has a value that cannot be used"
