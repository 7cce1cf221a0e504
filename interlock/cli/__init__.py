"""The ``interlock`` command: a thin layer over the library, one module per group of commands.

* ``root``: the ``interlock`` group and the commands on documents and the store (``extract``,
  ``ingest``, ``reextract``, ``stats``, ``show``, ``ties``, ``settings``); registers the others;
* ``query``: ``events``, ``timeline``, ``search``;
* ``explore``: the web explorer's pages as commands and ``serve``;
* ``resolve``: judgements on resolution (``merge``, ``same``, ``split``, ...) and ``outlets``;
* ``vet``: ``vet``, ``watch``, ``alerts``, ``tag``;
* ``evaluate``: ``eval``, ``match-names``;
* ``export``: ``export``;
* ``common``: what they share: ``--db``, ``--json``, opening the store, errors and warnings;
* ``actor``: naming an actor on the command line (ambiguous names ask, or exit 2);
* ``safety``: the group every command runs in (escaped output, one-line errors).

``docs/cli.md`` lists the commands, the error style and the exit codes.
"""

from __future__ import annotations

from interlock.cli.root import cli, main

__all__ = ["cli", "main"]
